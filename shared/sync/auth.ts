/**
 * The sign-in protocol between the desktop and the central service: request schemas (checked
 * by the server, reused by the desktop's forms) and the shapes it answers with.
 */
import { z } from 'zod';
import { DISTRICTS } from '../domain/districts';
import { cleanText } from '../schemas/common';
import { ROLES, type SessionUser } from './roles';

export const USER_NAME_MAX = 32;
/** NIST SP 800-63B's floor for a chosen password; length beats composition rules. */
export const PASSWORD_MIN = 8;
/** Argon2 hashes whatever it is given; the bound keeps one request from costing more than any other. */
export const PASSWORD_MAX = 256;

/** Compatibility forms fold to one spelling (NFKC): a name typed in full-width letters (ＺＨＡＮＧ) finds ZHANG. */
export const userNameSchema = cleanText(
  z.string().normalize('NFKC').trim().min(1, '请输入用户名').max(USER_NAME_MAX, `用户名不能超过 ${USER_NAME_MAX} 个字符`),
);

/** A password as typed at sign-in: any length up to the bound, so an old password still gets its answer. */
const typedPassword = z.string().min(1, '请输入密码').max(PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 个字符`);

/** A password being set (by the administrator, or later by the user). */
export const newPasswordSchema = typedPassword.min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 个字符`);

export const loginRequestSchema = z.object({
  name: userNameSchema,
  password: typedPassword,
  /** The desktop's installation id, kept with the session so an administrator can tell devices apart. */
  deviceId: cleanText(z.string().trim().min(1).max(128)).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const refreshRequestSchema = z.object({
  refreshToken: z.string().min(1, '缺少刷新令牌').max(128, '刷新令牌格式不正确'),
  /** Names this refresh, so one whose answer was lost can be asked again (server/accounts/sessions.ts refresh). */
  requestId: z.string().min(16).max(64).optional(),
});
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const sessionUserSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  districts: z.array(z.enum(DISTRICTS)).readonly(),
}) satisfies z.ZodType<SessionUser>;

/** The answer to a login or a refresh. Times are ISO instants (UTC). */
export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessExpiresAt: z.iso.datetime(),
  refreshExpiresAt: z.iso.datetime(),
  user: sessionUserSchema,
  /** Desktop-side only: the id of a refresh sent and not yet answered, to ask again with if its answer is lost. */
  refreshRequestId: z.string().optional(),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

/**
 * Why a 401 was given, in `error.reason`: on `expired` the desktop refreshes and retries once;
 * on anything else it asks the user to sign in again.
 */
export const AUTH_FAILURES = ['missing', 'invalid', 'expired', 'revoked', 'reused', 'disabled', 'credentials'] as const;
export type AuthFailure = (typeof AUTH_FAILURES)[number];
