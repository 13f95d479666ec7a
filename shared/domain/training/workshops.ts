/** The 培训记录 list: each session's head counts and the filter the list and its export share. */
import { ATTENDEE_KINDS, type AttendeeKind, type WorkshopData, type WorkshopFilter } from '../../schemas/workshop';

export interface WorkshopView extends WorkshopData {
  invited: number;
  attended: number;
  /** Attendees who came, by kind. */
  byKind: Record<AttendeeKind, number>;
  updatedBy: string;
  updatedAt: string;
}

export function workshopView(w: WorkshopData, stamp: { updatedBy: string; updatedAt: string }): WorkshopView {
  const came = w.attendees.filter((a) => a.attended);
  const byKind = Object.fromEntries(ATTENDEE_KINDS.map((k) => [k, came.filter((a) => a.kind === k).length])) as Record<
    AttendeeKind,
    number
  >;
  return { ...w, invited: w.attendees.length, attended: came.length, byKind, ...stamp };
}

export function workshopMatches(w: WorkshopView, f: WorkshopFilter): boolean {
  if (f.year !== undefined && Number(w.date.slice(0, 4)) !== f.year) return false;
  if (f.kind && !w.attendees.some((a) => a.kind === f.kind)) return false;
  const q = f.search.trim();
  if (!q) return true;
  return [w.topic, w.trainer, w.venue, w.district ?? '', ...w.attendees.flatMap((a) => [a.name, a.organisation])].some((t) =>
    t.includes(q),
  );
}
