/** 技术需求, 科技成果 and their pairings on this computer: read from their tables, written through their mutations. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  achievementInput,
  matchId,
  techMatchInput,
  techNeedInput,
  type AchievementInput,
  type MatchStatus,
  type TechMatchInput,
  type TechNeedInput,
} from '../../../shared/schemas/tech';
import type { AchievementRow, FollowUpView, NeedRow } from '../../../shared/types/tech';
import type { WriteContext } from '../enterprises/repository';
import { localMutate } from '../sync/local';
import { likeEscape } from '../sql';
import type { Page } from '../../../shared/types/records';

export type TechNeedView = NeedRow;
export type AchievementView = AchievementRow;
export type MatchFollowUp = FollowUpView;

const arr = (s: string) => JSON.parse(s) as string[];

interface NeedDbRow {
  id: string;
  enterprise_id: string;
  title: string;
  description: string;
  field: string;
  ipc_classes: string;
  budget_fen: number | null;
  deadline: string | null;
  updated_at: string;
  enterprise_name: string;
  district: string;
}
const needView = (r: NeedDbRow): TechNeedView => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  title: r.title,
  description: r.description,
  field: r.field,
  ipcClasses: arr(r.ipc_classes),
  budgetFen: r.budget_fen,
  deadline: r.deadline,
  enterpriseName: r.enterprise_name,
  district: r.district,
  updatedAt: r.updated_at,
});

interface AchievementDbRow {
  id: string;
  title: string;
  abstract: string;
  holder: string;
  field: string;
  ipc_classes: string;
  patents: string;
  maturity: string | null;
  transfer_modes: string;
  updated_at: string;
}
const achievementView = (r: AchievementDbRow): AchievementView => ({
  id: r.id,
  title: r.title,
  abstract: r.abstract,
  holder: r.holder,
  field: r.field,
  ipcClasses: arr(r.ipc_classes),
  patents: arr(r.patents),
  maturity: r.maturity as AchievementView['maturity'],
  transferModes: arr(r.transfer_modes) as AchievementView['transferModes'],
  updatedAt: r.updated_at,
});

const NEEDS = `SELECT n.*, e.name AS enterprise_name, e.district FROM tech_needs n JOIN enterprises e ON e.id = n.enterprise_id`;

export interface TechFilter {
  search: string;
  enterpriseId?: string;
}

const matches = (q: string, ...texts: string[]) => !q || texts.some((t) => t.includes(q));

export function listNeeds(db: Database, f: TechFilter): TechNeedView[] {
  const rows = (
    f.enterpriseId
      ? db.prepare(`${NEEDS} WHERE n.enterprise_id = ? ORDER BY n.updated_at DESC`).all(f.enterpriseId)
      : db.prepare(`${NEEDS} ORDER BY n.updated_at DESC`).all()
  ) as NeedDbRow[];
  const q = f.search.trim();
  return rows.map(needView).filter((n) => matches(q, n.title, n.description, n.field, n.enterpriseName, ...n.ipcClasses));
}

export function getNeed(db: Database, id: string): TechNeedView | null {
  const r = db.prepare(`${NEEDS} WHERE n.id = ?`).get(id) as NeedDbRow | undefined;
  return r ? needView(r) : null;
}

export function allAchievements(db: Database): AchievementView[] {
  return (db.prepare('SELECT * FROM achievements ORDER BY updated_at DESC, id').all() as AchievementDbRow[]).map(achievementView);
}

/**
 * A page of achievements, newest first, searched in SQL: a university's list runs to tens of
 * thousands, and the screen needs one page and the count.
 */
export function pageAchievements(db: Database, f: TechFilter & { offset: number; limit: number }): Page<AchievementView> {
  const q = f.search.trim();
  const like = `%${likeEscape(q)}%`;
  const where = q
    ? `WHERE ${['title', 'abstract', 'holder', 'field', 'ipc_classes'].map((c) => `${c} LIKE @like ESCAPE '\\'`).join(' OR ')}`
    : '';
  const total = db
    .prepare(`SELECT count(*) FROM achievements ${where}`)
    .pluck()
    .get(q ? { like } : {}) as number;
  const rows = db
    .prepare(`SELECT * FROM achievements ${where} ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset`)
    .all({ ...(q ? { like } : {}), limit: f.limit, offset: f.offset }) as AchievementDbRow[];
  return { rows: rows.map(achievementView), total };
}

export function getAchievement(db: Database, id: string): AchievementView | null {
  const r = db.prepare('SELECT * FROM achievements WHERE id = ?').get(id) as AchievementDbRow | undefined;
  return r ? achievementView(r) : null;
}

export function saveNeed(db: Database, input: TechNeedInput, ctx: WriteContext): TechNeedView {
  const n = techNeedInput.parse(input);
  return db.transaction(() => (localMutate(db, 'tech_need.save', n, ctx), getNeed(db, n.id)!)).immediate();
}

export const deleteNeed = (db: Database, id: string, ctx: WriteContext) => void localMutate(db, 'tech_need.delete', { id }, ctx);

export function saveAchievement(db: Database, input: AchievementInput, ctx: WriteContext): AchievementView {
  const a = achievementInput.parse(input);
  return db.transaction(() => (localMutate(db, 'achievement.save', a, ctx), getAchievement(db, a.id)!)).immediate();
}

export const deleteAchievement = (db: Database, id: string, ctx: WriteContext) => void localMutate(db, 'achievement.delete', { id }, ctx);

export function saveMatch(db: Database, input: TechMatchInput, ctx: WriteContext): MatchFollowUp {
  const m = techMatchInput.parse(input);
  localMutate(db, 'tech_match.save', m, ctx);
  return followUps(db, m.needId).get(matchId(m.needId, m.achievementId))!;
}

/** The follow-ups of a need's pairings, by pairing id. */
export function followUps(db: Database, needId: string): Map<string, MatchFollowUp> {
  const rows = db.prepare('SELECT id, status, note, followed_on, updated_by FROM tech_matches WHERE need_id = ?').all(needId) as {
    id: string;
    status: MatchStatus;
    note: string;
    followed_on: string;
    updated_by: string;
  }[];
  return new Map(rows.map((r) => [r.id, { status: r.status, note: r.note, followedOn: r.followed_on, updatedBy: r.updated_by }]));
}
