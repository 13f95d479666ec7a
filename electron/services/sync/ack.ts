/**
 * What the server answered for each pushed mutation, settled locally in one transaction:
 * applied → the entry leaves the outbox and our values stand; conflict → the fields the server
 * kept go back to its value (the conflict record arrives with the next pull); rejected → every
 * change of the mutation is undone (a record it created disappears) and the refusal is kept to
 * show the user. A field another unsent change also touches keeps that change.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MutationResult } from '../../../shared/sync/protocol';
import { signedInUser } from './local';
import type { Touch } from './mutate';
import { projectDelete, projectUpsert, projectWaiting } from './project';
import { descendantsOf, districtOf, dropRecord, getRecord, pendingFields, placeDescendants, putRecord, type Shadow } from './store';

interface OutboxRow {
  seq: number;
  id: string;
  name: string;
  args: string;
  at: string;
  actor: string;
  touched: string;
}

const STAMP = (now: string) => ({ actor: '中心服务', now });

/** Puts back the server's side of `fields` (all of the entry's when `fields` is null) for one record. */
function restore(db: Database, t: Touch, fields: string[] | null, now: string): void {
  const cur = getRecord(db, t.e, t.id);
  if (!cur) return;
  const still = pendingFields(db, t.e, t.id);
  // A record the server never had, with nothing more queued for it, goes: whether this entry
  // created it or edited it after a creation refused earlier (that refusal kept it for this one).
  if (!cur.known && still.size === 0 && (t.created || fields === null)) {
    dropRecord(db, t.e, t.id);
    projectDelete(db, t.e, t.id);
    return;
  }
  const shadow = { fields: { ...(cur.shadow?.fields ?? {}) }, deleted: cur.shadow?.deleted };
  const newer = new Set(cur.shadow?.newer ?? []);
  const data = { ...cur.data };
  let deleted = cur.deleted;
  for (const f of fields ?? t.f) {
    if (still.has(f)) continue;
    if (f === '*') {
      if (shadow.deleted !== undefined) deleted = shadow.deleted;
      shadow.deleted = undefined;
      continue;
    }
    if (f in shadow.fields) data[f] = shadow.fields[f];
    delete shadow.fields[f];
    newer.delete(f);
  }
  // Nothing of ours is left on it: it is as the server has it, deleted there meanwhile included.
  if (still.size === 0 && shadow.deleted !== undefined) {
    deleted = shadow.deleted;
    shadow.deleted = undefined;
  }
  // Put back where it was: a refused move of an enterprise goes back to its district.
  const district = districtOf(db, t.e, data);
  const user = signedInUser(db);
  if (district !== null && user && !user.districts.includes(district)) {
    // A district the user no longer holds (its records were removed here when that changed):
    // the server will never send the removal of this one, or of what hangs off it.
    for (const r of [{ entity: t.e, id: t.id }, ...descendantsOf(db, t.e, t.id)].reverse()) {
      dropRecord(db, r.entity, r.id);
      projectDelete(db, r.entity, r.id);
    }
    return;
  }
  putRecord(db, { ...cur, data, deleted, district, shadow: rest(shadow, newer, still, cur.shadow?.at) });
  if (district !== cur.district) placeDescendants(db, t.e, t.id, district);
  if (deleted) projectDelete(db, t.e, t.id);
  else projectUpsert(db, t.e, t.id, data, settledStamp(still, cur.shadow?.at) ?? STAMP(now));
}

/** What is left of a shadow: the newer marks, and the server's stamp while anything of ours is pending. */
function rest(shadow: Shadow, newer: Set<string>, still: Set<string>, at: Shadow['at']): Shadow {
  return { ...shadow, ...(newer.size ? { newer: [...newer] } : {}), ...(still.size && at ? { at } : {}) };
}

/** Once nothing of ours is pending, the row shows the server's who-and-when again. */
const settledStamp = (still: Set<string>, at: Shadow['at']) => (still.size === 0 ? at : undefined);

/**
 * Our change stands for these fields: the shadow of each is no longer needed. Where a pull
 * brought the server's value after our change was made (the answer to it was lost, the pull
 * went on), that value is what the server holds once it applied ours (it decides again: a
 * status line's time and previous status, a visit day), and it will not be sent again.
 */
function confirm(db: Database, t: Touch, now: string): void {
  const cur = getRecord(db, t.e, t.id);
  if (!cur) return;
  const still = pendingFields(db, t.e, t.id);
  const shadow = { fields: { ...(cur.shadow?.fields ?? {}) }, deleted: cur.shadow?.deleted };
  const newer = new Set(cur.shadow?.newer ?? []);
  const data = { ...cur.data };
  let adopted = false;
  for (const f of t.f) {
    if (still.has(f)) continue;
    if (f === '*') shadow.deleted = undefined;
    else {
      if (newer.has(f) && JSON.stringify(data[f] ?? null) !== JSON.stringify(shadow.fields[f] ?? null)) {
        data[f] = shadow.fields[f];
        adopted = true;
      }
      delete shadow.fields[f];
      newer.delete(f);
    }
  }
  // Deleted there after our edit was applied (the pull said so while it was out): deleted here too.
  const deleted = cur.deleted || (still.size === 0 && shadow.deleted === true);
  if (still.size === 0) shadow.deleted = undefined;
  const district = adopted ? districtOf(db, t.e, data) : cur.district;
  putRecord(db, { ...cur, data, district, deleted, known: true, shadow: rest(shadow, newer, still, cur.shadow?.at) });
  if (district !== cur.district) placeDescendants(db, t.e, t.id, district);
  const at = settledStamp(still, cur.shadow?.at);
  if (deleted && !cur.deleted) projectDelete(db, t.e, t.id);
  else if (!deleted && (adopted || at)) projectUpsert(db, t.e, t.id, data, at ?? STAMP(now));
}

export interface AckSummary {
  applied: number;
  conflicts: number;
  rejected: number;
}

export function acknowledge(db: Database, results: MutationResult[], now: string): AckSummary {
  const summary: AckSummary = { applied: 0, conflicts: 0, rejected: 0 };
  const bySeq = db.prepare('SELECT seq, id, name, args, at, actor, touched FROM outbox WHERE seq = ?');
  const drop = db.prepare('DELETE FROM outbox WHERE seq = ?');
  const keepRefusal = db.prepare(
    'INSERT OR REPLACE INTO sync_rejections (id, seq, name, args, reasons, made_at, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const r of results) {
      if (r.status === 'gap') break;
      const row = bySeq.get(r.seq) as OutboxRow | undefined;
      if (!row || row.id !== r.id) continue;
      const touched = JSON.parse(row.touched) as Touch[];
      // Out of the outbox first, so what it touched counts as no longer pending.
      drop.run(r.seq);
      if (r.status === 'rejected') {
        summary.rejected++;
        keepRefusal.run(row.id, row.seq, row.name, row.args, JSON.stringify(r.reasons ?? []), row.at, row.actor, now);
        for (const t of touched) restore(db, t, null, now);
        continue;
      }
      const kept = new Map<string, string[]>();
      for (const c of r.conflicts ?? []) kept.set(`${c.entity}/${c.recordId}`, [...(kept.get(`${c.entity}/${c.recordId}`) ?? []), c.field]);
      if (r.status === 'conflict') summary.conflicts++;
      else summary.applied++;
      // A delete of ours kept as a conflict took nothing with it on the server: what this entry
      // deleted along with it (an enterprise's IP items and entries) comes back here too.
      const deleteKept = touched.some((t) => t.f.includes('*') && kept.get(`${t.e}/${t.id}`)?.includes('*'));
      for (const t of touched) {
        const fields = kept.get(`${t.e}/${t.id}`) ?? (deleteKept && t.f.includes('*') ? ['*'] : undefined);
        if (fields) restore(db, t, fields, now);
        confirm(db, t, now);
      }
    }
    // A refused change of ours may have freed a key a pulled record waits for.
    projectWaiting(db);
  }).immediate();
  return summary;
}
