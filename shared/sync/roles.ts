/**
 * Who uses the central service, and what each role may do. Checked on the server from the
 * session only; the desktop uses the same table to hide what the server would refuse.
 */
import { DISTRICTS, type District } from '../domain/districts';

export const ROLES = ['steward', 'officer', 'trainer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { steward: '管家', officer: '区级管理员', trainer: '培训师', admin: '系统管理员' };

/** What the server knows of the signed-in user; computed from the session, never from the request. */
export interface SessionUser {
  userId: string;
  name: string;
  role: Role;
  /** The districts whose records the user may read and write (every district for the administrator). */
  districts: readonly District[];
}

export const ALL_DISTRICTS: readonly District[] = DISTRICTS;

/** Who may read 统计看板 from the central service (for their districts): not a trainer, whose workshops never touch real data. */
export const STATS_ROLES: readonly Role[] = ['steward', 'officer', 'admin'];
