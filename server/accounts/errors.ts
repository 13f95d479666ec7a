/** The refusals of sign-in and of authenticated requests, each with its Chinese message. */
import type { AuthFailure } from '../../shared/sync/auth';
import { HttpError } from '../errors';

const AUTH_MESSAGES: Record<AuthFailure, string> = {
  missing: '请先登录（请求未携带登录令牌）',
  invalid: '登录令牌无效，请重新登录',
  expired: '登录已过期，请重新登录',
  revoked: '登录已注销或已在别处更新，请重新登录',
  reused: '检测到登录凭据被重复使用，为安全起见已注销该设备的登录，请重新登录',
  disabled: '账号已停用，请联系系统管理员',
  credentials: '用户名或密码错误',
};

export const authFailure = (reason: AuthFailure) => new HttpError(401, 'UNAUTHORIZED', AUTH_MESSAGES[reason], { reason });

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

export const rateLimited = (until: Date, now: Date) =>
  new HttpError(429, 'RATE_LIMITED', `登录尝试过于频繁，请 ${minutesUntil(until, now)} 分钟后再试`, {
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  });

export const accountLocked = (until: Date, now: Date, failures: number) =>
  new HttpError(
    423,
    'ACCOUNT_LOCKED',
    `密码连续错误 ${failures} 次，账号已锁定，请 ${minutesUntil(until, now)} 分钟后再试，或联系系统管理员解锁`,
    {
      lockedUntil: until.toISOString(),
    },
  );

export const accountDisabled = () => new HttpError(423, 'ACCOUNT_LOCKED', AUTH_MESSAGES.disabled);
