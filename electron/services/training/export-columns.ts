import { ATTENDEE_KIND_LABELS, type Attendee } from '../../../shared/schemas/workshop';
import type { WorkshopView } from '../../../shared/domain/training/workshops';
import type { Column } from '../exporters/sheet-writers';

/** One row per attendee (a session without any keeps one row): the sign-in sheet an association reports. */
export interface AttendanceRow {
  w: WorkshopView;
  a: Attendee | null;
}

export const attendanceRows = (list: WorkshopView[]): AttendanceRow[] =>
  list.flatMap((w): AttendanceRow[] => (w.attendees.length ? w.attendees.map((a) => ({ w, a })) : [{ w, a: null }]));

export const WORKSHOP_COLUMNS: Column<AttendanceRow>[] = [
  { header: '培训日期', value: (r) => r.w.date },
  { header: '培训主题', value: (r) => r.w.topic, width: 30 },
  { header: '讲师', value: (r) => r.w.trainer },
  { header: '地点', value: (r) => r.w.venue, width: 24 },
  { header: '所属区', value: (r) => r.w.district ?? '' },
  { header: '学员姓名', value: (r) => r.a?.name ?? '' },
  { header: '学员单位', value: (r) => r.a?.organisation ?? '', width: 28 },
  { header: '学员类别', value: (r) => (r.a ? ATTENDEE_KIND_LABELS[r.a.kind] : '') },
  { header: '出席', value: (r) => (r.a ? (r.a.attended ? '出席' : '缺席') : '') },
  { header: '本期报名人数', value: (r) => r.w.invited },
  { header: '本期出席人数', value: (r) => r.w.attended },
  { header: '培训资料', value: (r) => r.w.materials.map((m) => m.title).join('、'), width: 36 },
];
