export const QUALIFICATIONS = ['高新技术企业', '专精特新', '科技型中小企业', '规上'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** Qualifications are stored as a bit mask so a filter is one integer test. */
export function qualificationMask(qs: readonly Qualification[]): number {
  return qs.reduce((m, q) => m | (1 << QUALIFICATIONS.indexOf(q)), 0);
}

export function qualificationsOf(mask: number): Qualification[] {
  return QUALIFICATIONS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Accepts the usual short forms people type in spreadsheets. */
export function parseQualification(raw: string): Qualification | null {
  const s = raw.trim();
  const aliases: Record<string, Qualification> = {
    高新: '高新技术企业',
    国高新: '高新技术企业',
    国家高新技术企业: '高新技术企业',
    专精特新中小企业: '专精特新',
    科小: '科技型中小企业',
    科技型中小: '科技型中小企业',
    规上企业: '规上',
    规模以上: '规上',
  };
  return (QUALIFICATIONS as readonly string[]).includes(s) ? (s as Qualification) : (aliases[s] ?? null);
}

export interface Contact {
  name: string;
  role: string;
  phone: string;
}
