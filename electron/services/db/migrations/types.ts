import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** 1, 2, 3… without gaps; the database's user_version is the last one applied. */
  version: number;
  name: string;
  up(db: Database): void;
}
