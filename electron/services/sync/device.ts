/**
 * A new device identity for this database, its unsent changes renumbered from 1. Needed when
 * the database is an older copy of itself (a backup restored, a file copied back): the central
 * service already holds other changes under the old device's numbers, and would answer a new
 * change with the receipt of the old one, so the new one would be dropped unseen.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { newId } from '../ids';
import { writeState } from './state';

export function rotateDevice(db: Database): string {
  return db
    .transaction(() => {
      const id = newId();
      writeState(db, 'deviceId', id);
      const seqs = db.prepare('SELECT seq FROM outbox ORDER BY seq').pluck().all() as number[];
      // outbox_touch points at outbox.seq: both are renumbered before the keys are checked.
      db.pragma('defer_foreign_keys = ON');
      const moveOut = db.prepare('UPDATE outbox SET seq = ? WHERE seq = ?');
      const moveTouch = db.prepare('UPDATE outbox_touch SET seq = ? WHERE seq = ?');
      // Through negative numbers first, so that no new number meets an old one.
      for (const s of seqs) {
        moveOut.run(-s, s);
        moveTouch.run(-s, s);
      }
      seqs.forEach((s, i) => {
        moveOut.run(i + 1, -s);
        moveTouch.run(i + 1, -s);
      });
      // The next change is numbered after these (AUTOINCREMENT would go on from the old count).
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'").run(seqs.length);
      return id;
    })
    .immediate();
}
