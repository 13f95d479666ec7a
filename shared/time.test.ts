import { describe, expect, it } from 'vitest';
import { formatDateTime, localDate } from './time';

describe('times in the user zone', () => {
  it('shows a UTC instant in Beijing time, 8 hours ahead', () => {
    expect(formatDateTime('2026-12-01T01:35:07.123Z', { timeZone: 'Asia/Shanghai' })).toBe('2026-12-01 09:35');
    expect(formatDateTime('2026-12-01T01:35:07.123Z', { timeZone: 'Asia/Shanghai', seconds: true })).toBe('2026-12-01 09:35:07');
  });

  it('moves the calendar day across midnight', () => {
    expect(formatDateTime('2026-12-31T16:30:00.000Z', { timeZone: 'Asia/Shanghai' })).toBe('2027-01-01 00:30');
    expect(localDate('2026-12-31T16:30:00.000Z', 'Asia/Shanghai')).toBe('2027-01-01');
    expect(localDate('2026-12-31T16:30:00.000Z', 'UTC')).toBe('2026-12-31');
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatDateTime('2026-06-30T16:00:00.000Z', { timeZone: 'Asia/Shanghai' })).toBe('2026-07-01 00:00');
  });

  it('shows a dash for a missing or broken value instead of throwing', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a time')).toBe('—');
    expect(() => localDate('garbage')).toThrow(RangeError);
  });
});
