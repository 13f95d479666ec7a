import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Changes whenever the data may have: data_version moves with other connections' commits (the
 * sync worker, another window), total_changes() with this connection's writes. What a cache of
 * read data is keyed by (never trusted inside this connection's open transaction).
 */
export function dataVersionOf(db: Database): string {
  const { v, n } = db.prepare('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS n').get() as {
    v: number;
    n: number;
  };
  return `${v}/${n}`;
}
