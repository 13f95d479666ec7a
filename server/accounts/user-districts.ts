import { AppError } from '../../shared/errors';
import { DISTRICTS, parseDistrict, type District } from '../../shared/domain/districts';
import { ALL_DISTRICTS, type Role } from '../../shared/sync/roles';

/**
 * The districts a user of this role holds: the administrator all of them; stewards and officers
 * at least one; a trainer works on the sandbox and may hold none. "南山区" reads as 南山.
 * Returned in the order of DISTRICTS, without repeats.
 */
export function districtsFor(role: Role, raw: readonly string[] | undefined): District[] {
  if (role === 'admin') {
    if (raw && raw.length > 0 && raw.length !== ALL_DISTRICTS.length)
      throw new AppError('INVALID_INPUT', '系统管理员拥有全部区，无需（也不能）指定部分区');
    return [...ALL_DISTRICTS];
  }
  const picked = new Set<District>();
  const unknown: string[] = [];
  for (const r of raw ?? []) {
    const d = parseDistrict(r);
    if (d) picked.add(d);
    else unknown.push(r);
  }
  if (unknown.length > 0) throw new AppError('INVALID_INPUT', `未知的区：${unknown.join('、')}。可选：${DISTRICTS.join('、')}`);
  if (picked.size === 0 && role !== 'trainer') throw new AppError('INVALID_INPUT', '管家和区级管理员至少要负责一个区');
  return DISTRICTS.filter((d) => picked.has(d));
}
