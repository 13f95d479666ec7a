/** 培训记录 on this computer: read from their table, written through workshop.save / workshop.delete. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { workshopMatches, workshopView, type WorkshopView } from '../../../shared/domain/training/workshops';
import { workshopInput, type WorkshopFilter, type WorkshopInput } from '../../../shared/schemas/workshop';
import type { WriteContext } from '../enterprises/repository';
import { localMutate } from '../sync/local';

interface Row {
  id: string;
  date: string;
  topic: string;
  trainer: string;
  venue: string;
  district: string | null;
  attendees: string;
  materials: string;
  notes: string;
  updated_by: string;
  updated_at: string;
}

const toView = (r: Row): WorkshopView =>
  workshopView(
    {
      id: r.id,
      date: r.date,
      topic: r.topic,
      trainer: r.trainer,
      venue: r.venue,
      district: r.district as WorkshopView['district'],
      attendees: JSON.parse(r.attendees) as WorkshopView['attendees'],
      materials: JSON.parse(r.materials) as WorkshopView['materials'],
      notes: r.notes,
    },
    { updatedBy: r.updated_by, updatedAt: r.updated_at },
  );

/** The sessions that match, the latest first. */
export function listWorkshops(db: Database, filter: WorkshopFilter): WorkshopView[] {
  const rows = db.prepare('SELECT * FROM workshops ORDER BY date DESC, topic').all() as Row[];
  return rows.map(toView).filter((w) => workshopMatches(w, filter));
}

export function saveWorkshop(db: Database, input: WorkshopInput, ctx: WriteContext): WorkshopView {
  const w = workshopInput.parse(input);
  return db
    .transaction(() => {
      localMutate(db, 'workshop.save', w, ctx);
      return toView(db.prepare('SELECT * FROM workshops WHERE id = ?').get(w.id) as Row);
    })
    .immediate();
}

export function deleteWorkshop(db: Database, id: string, ctx: WriteContext): void {
  localMutate(db, 'workshop.delete', { id }, ctx);
}
