/**
 * Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so a date never shifts with
 * the user's time zone. Only what the domain needs: adding years, day counts, validation.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toUtc(iso: string): Date {
  if (!isIsoDate(iso)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${iso}`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Same month and day `years` later; 29 February falls back to 28 February. */
export function addYears(iso: string, years: number): string {
  const d = toUtc(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()));
  if (target.getUTCMonth() !== d.getUTCMonth()) target.setUTCDate(0);
  return fromUtc(target);
}

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Whole days from a to b (negative when b is earlier). */
// The dashboard asks for tens of thousands of day counts over a few thousand distinct days.
const dayMs = new Map<string, number>();
function msOf(iso: string): number {
  let ms = dayMs.get(iso);
  if (ms === undefined) {
    if (dayMs.size > 20_000) dayMs.clear();
    dayMs.set(iso, (ms = toUtc(iso).getTime()));
  }
  return ms;
}

export function daysBetween(a: string, b: string): number {
  return Math.round((msOf(b) - msOf(a)) / 86_400_000);
}

/** Today's date where the user is (local calendar), as ISO. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Same day `months` later; a day past the month's end falls back to its last day. */
export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return fromUtc(target);
}
