import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: 43 characters. Only the digest is ever stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** What newToken makes; anything else is refused before a database lookup. */
export const looksLikeToken = (s: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(s);
