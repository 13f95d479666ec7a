/** How long tokens live and how hard sign-in pushes back; one place to tune them. */
const MINUTE = 60_000;

export const ACCESS_TTL_MS = 60 * MINUTE;
export const REFRESH_TTL_MS = 30 * 24 * 60 * MINUTE;
/** How long after a refresh its answer may be asked for again (lost on the way), once, with the same request id. */
export const REFRESH_RETRY_MS = 15 * MINUTE;

export const LOGIN_LIMITS = {
  /** Failed sign-ins counted per name and per client address within this window. */
  windowMs: 15 * MINUTE,
  /** Per name: a password guesser gets this many tries per window. */
  perName: 5,
  /** Per address: higher, since an office may share one address; stops one client trying many names. */
  perIp: 20,
  /** Consecutive wrong passwords that lock the account… */
  lockAfter: 10,
  /** …for this long. */
  lockMs: 30 * MINUTE,
  /** Attempts older than this are pruned. */
  keepMs: 24 * 60 * MINUTE,
} as const;
