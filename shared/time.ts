/**
 * Instants are stored as UTC ISO strings (`2026-12-01T01:35:00.000Z`); people read them in
 * their own zone. Every time shown anywhere goes through these two functions, so the list,
 * the audit trail, the exports and the PDFs agree. `timeZone` defaults to the runtime's zone
 * (the user's, in the desktop app and the browser).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(iso: string, timeZone: string | undefined): Record<string, string> | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
}

/** "2026-12-01 09:35" (or with seconds) in the user's zone; '—' for a missing or bad value. */
export function formatDateTime(iso: string | null | undefined, opts: { seconds?: boolean; timeZone?: string } = {}): string {
  const p = iso ? partsOf(iso, opts.timeZone) : null;
  if (!p) return '—';
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${opts.seconds ? `:${p.second}` : ''}`;
}

/** The calendar day of an instant in the user's zone, as YYYY-MM-DD. */
export function localDate(iso: string, timeZone?: string): string {
  const p = partsOf(iso, timeZone);
  if (!p) throw new RangeError(`不是有效的时间：${iso}`);
  return `${p.year}-${p.month}-${p.day}`;
}
