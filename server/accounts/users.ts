/**
 * The users table: what the administrator CLI changes. Every change that takes rights away
 * (disable, new password) also revokes the user's sessions in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { District } from '../../shared/domain/districts';
import { newPasswordSchema, userNameSchema } from '../../shared/sync/auth';
import { ALL_DISTRICTS, ROLE_LABELS, ROLES, type Role, type SessionUser } from '../../shared/sync/roles';
import type { Db, Queryable } from '../db/types';
import { hashPassword } from './password';
import { revokeUserSessions } from './session-store';
import { districtsFor } from './user-districts';

/** A user as the administrator sees it: never the password hash. */
export interface UserView {
  id: string;
  name: string;
  role: Role;
  districts: District[];
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The row sign-in needs, hash included; stays inside server/accounts. */
export interface UserRow {
  id: string;
  name: string;
  role: Role;
  districts: District[];
  password_hash: string;
  disabled: boolean;
  failed_count: number;
  locked_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, role, districts, password_hash, disabled, failed_count, locked_until, created_at, updated_at';

/** The administrator holds every district, including any added after the account was made. */
export const effectiveDistricts = (role: Role, stored: readonly District[]): District[] =>
  role === 'admin' ? [...ALL_DISTRICTS] : [...stored];

export const toSessionUser = (u: { id: string; name: string; role: Role; districts: District[] }): SessionUser => ({
  userId: u.id,
  name: u.name,
  role: u.role,
  districts: effectiveDistricts(u.role, u.districts),
});

const view = (u: UserRow): UserView => ({
  id: u.id,
  name: u.name,
  role: u.role,
  districts: effectiveDistricts(u.role, u.districts),
  disabled: u.disabled,
  lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
  createdAt: u.created_at.toISOString(),
  updatedAt: u.updated_at.toISOString(),
});

function parseOr<T>(schema: z.ZodType<T>, v: unknown, what: string): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new AppError('INVALID_INPUT', `${what}：${r.error.issues.map((i) => i.message).join('；')}`);
  return r.data;
}

const parseRole = (role: string): Role => {
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  throw new AppError('INVALID_INPUT', `未知的角色：${role}。可选：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`);
};

export async function findUserByName(q: Queryable, name: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE lower(name) = lower($1)`, [name]);
  return r.rows[0] ?? null;
}

async function mustFind(q: Queryable, rawName: string): Promise<UserRow> {
  const name = parseOr(userNameSchema, rawName, '用户名');
  const user = await findUserByName(q, name);
  if (!user) throw new AppError('NOT_FOUND', `没有名为“${name}”的用户`);
  return user;
}

export async function addUser(
  db: Db,
  input: { name: string; role: string; districts?: readonly string[]; password: string },
  now: Date,
): Promise<UserView> {
  const name = parseOr(userNameSchema, input.name, '用户名');
  const role = parseRole(input.role);
  const districts = districtsFor(role, input.districts);
  const password = parseOr(newPasswordSchema, input.password, '密码');
  const passwordHash = await hashPassword(password);
  try {
    const r = await db.query<UserRow>(
      `INSERT INTO users (id, name, role, districts, password_hash, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
      [randomUUID(), name, role, districts, passwordHash, now],
    );
    return view(r.rows[0]!);
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AppError('CONFLICT', `用户名“${name}”已存在`);
    throw err;
  }
}

export async function listUsers(q: Queryable): Promise<UserView[]> {
  const r = await q.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY created_at, name`);
  return r.rows.map(view);
}

async function update(q: Queryable, id: string, set: string, params: unknown[], now: Date): Promise<UserView> {
  const r = await q.query<UserRow>(`UPDATE users SET ${set}, updated_at = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, now, ...params]);
  return view(r.rows[0]!);
}

/** Disabling signs the user out at once; enabling also lifts a lockout (the administrator's way to unlock). */
export async function setDisabled(db: Db, name: string, disabled: boolean, now: Date): Promise<UserView> {
  return db.transaction(async (tx) => {
    const user = await mustFind(tx, name);
    if (disabled) {
      await revokeUserSessions(tx, user.id, now);
      return update(tx, user.id, 'disabled = true', [], now);
    }
    return update(tx, user.id, 'disabled = false, failed_count = 0, locked_until = NULL', [], now);
  });
}

/** Takes effect on the user's next request: sessions read the districts from this row each time. */
export async function setDistricts(db: Db, name: string, districts: readonly string[], now: Date): Promise<UserView> {
  const user = await mustFind(db, name);
  return update(db, user.id, 'districts = $3', [districtsFor(user.role, districts)], now);
}

/** A new password signs the user out everywhere and lifts a lockout. */
export async function setPassword(db: Db, name: string, password: string, now: Date): Promise<UserView> {
  const checked = parseOr(newPasswordSchema, password, '密码');
  const passwordHash = await hashPassword(checked);
  return db.transaction(async (tx) => {
    const user = await mustFind(tx, name);
    await revokeUserSessions(tx, user.id, now);
    return update(tx, user.id, 'password_hash = $3, failed_count = 0, locked_until = NULL', [passwordHash], now);
  });
}
