/** Error codes every transport (IPC, harness HTTP, CLI) returns in the same envelope. */
export type ErrorCode =
  | 'UNKNOWN_METHOD'
  | 'INVALID_INPUT'
  | 'FORBIDDEN_SENDER'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DB_UNAVAILABLE'
  /** Another process (or a background job) holds the database's write lock; try again later. */
  | 'DB_BUSY'
  /** The encrypted local store's key is missing or does not open it (encryption at rest). */
  | 'DB_KEY'
  /** The central service: signed in, but the role or district does not allow it. */
  | 'FORBIDDEN'
  /** Too many attempts (login); try again after the time given. */
  | 'RATE_LIMITED'
  /** The account is locked after repeated failures, or disabled. */
  | 'ACCOUNT_LOCKED'
  /** The client speaks an older protocol or schema than the server accepts: update the app. */
  | 'CLIENT_TOO_OLD'
  /** The client's cursor predates what the server still keeps: start the pull again from empty. */
  | 'RESYNC_REQUIRED'
  | 'PAYLOAD_TOO_LARGE'
  /** The central service could not be reached; local changes wait for the next try. */
  | 'OFFLINE'
  | 'INTERNAL';

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorInfo {
  code: ErrorCode;
  /** Chinese, ready to show to the user. */
  message: string;
  issues?: ErrorIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Thrown by services for expected failures; anything else becomes INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toInfo(): ErrorInfo {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}
