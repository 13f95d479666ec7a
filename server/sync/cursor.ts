/**
 * A pull cursor: the last (transaction id, change number) a client has, and the scope it was
 * computed for. Opaque to the client; a cursor for another scope (the user's districts changed)
 * starts the client again from the beginning.
 */
import type { SessionUser } from '../../shared/sync/roles';

export interface Cursor {
  xid: string;
  seq: number;
  scope: string;
  /**
   * Set on the pages of a pull from nothing until it completes: the snapshot horizon when it
   * began. Its position is older than deletions purged since, yet it missed none of them unless
   * one made after it began was purged.
   */
  since?: string;
}

export const scopeSignature = (user: Pick<SessionUser, 'role' | 'districts'>): string =>
  `${user.role}:${[...user.districts].sort().join(',')}`;

export const START = { xid: '0', seq: 0 };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, x: c.xid, s: c.seq, d: c.scope, ...(c.since ? { f: c.since } : {}) })).toString('base64url');
}

/** The cursor, or null when the text is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const o = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as {
      v?: unknown;
      x?: unknown;
      s?: unknown;
      d?: unknown;
      f?: unknown;
    };
    if (
      o.v !== 1 ||
      typeof o.x !== 'string' ||
      !/^\d{1,20}$/.test(o.x) ||
      typeof o.s !== 'number' ||
      !Number.isSafeInteger(o.s) ||
      typeof o.d !== 'string' ||
      (o.f !== undefined && (typeof o.f !== 'string' || !/^\d{1,20}$/.test(o.f)))
    )
      return null;
    return { xid: o.x, seq: o.s, scope: o.d, ...(o.f ? { since: o.f as string } : {}) };
  } catch {
    return null;
  }
}

export const isStart = (c: Pick<Cursor, 'xid' | 'seq'>): boolean => c.xid === '0' && c.seq === 0;
