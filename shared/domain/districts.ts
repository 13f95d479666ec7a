export const DISTRICTS = ['福田', '罗湖', '盐田', '南山', '宝安', '龙岗', '龙华', '坪山', '光明', '大鹏新区', '深汕特别合作区'] as const;
export type District = (typeof DISTRICTS)[number];

/** Accepts "南山区", "深圳市南山区" and the like as 南山. */
export function parseDistrict(raw: string): District | null {
  const s = raw.trim().replace(/^深圳市?/, '');
  return DISTRICTS.find((d) => s === d || s === `${d}区` || (d.endsWith('区') && s === d.slice(0, -1))) ?? null;
}
