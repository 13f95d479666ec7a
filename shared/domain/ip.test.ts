import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, daysBetween } from './dates';
import { legalExpiry } from './ip';
import { assessPledgeability, type PledgeAsset } from './pledgeability';

describe('legal terms', () => {
  it('counts 20 / 10 years from filing for inventions and utility models', () => {
    expect(legalExpiry({ kind: 'invention', filingDate: '2015-07-01' })).toBe('2035-07-01');
    expect(legalExpiry({ kind: 'utility', filingDate: '2019-03-15' })).toBe('2029-03-15');
  });

  it('gives designs 15 years from 2021-06-01 and 10 years before', () => {
    expect(legalExpiry({ kind: 'design', filingDate: '2021-06-01' })).toBe('2036-06-01');
    expect(legalExpiry({ kind: 'design', filingDate: '2021-05-31' })).toBe('2031-05-31');
  });

  it('runs a trademark 10 years from registration unless a renewal is recorded', () => {
    expect(legalExpiry({ kind: 'trademark', registrationDate: '2018-04-07' })).toBe('2028-04-07');
    expect(legalExpiry({ kind: 'trademark', registrationDate: '2018-04-07', validUntil: '2038-04-07' })).toBe('2038-04-07');
  });

  it('ends a software copyright on 31 December of the 50th year after publication', () => {
    expect(legalExpiry({ kind: 'software', publishedOn: '2020-08-15' })).toBe('2071-01-01');
  });

  it('returns null when the record lacks the date that starts the term', () => {
    expect(legalExpiry({ kind: 'invention' })).toBeNull();
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2020-02-29', 10)).toBe('2030-02-28');
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2040 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 30 }),
        (y, m, d, n) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const later = addYears(iso, n);
          return later.slice(5) === iso.slice(5) && daysBetween(iso, later) >= 365 * n;
        },
      ),
    );
  });
});

const base: PledgeAsset = {
  kind: 'invention',
  legalStatus: 'granted',
  filingDate: '2018-05-10',
  grantDate: '2020-09-01',
  feePaidThrough: '2027-05-10',
  owners: ['深圳市甲科技有限公司'],
  pledged: false,
  suspended: false,
  underInvalidation: false,
  sameDayInvention: false,
};
const TODAY = '2026-11-22';
const codes = (a: Partial<PledgeAsset>, name = '深圳市甲科技有限公司') =>
  assessPledgeability({ ...base, ...a }, name, TODAY).reasons.map((r) => `${r.level}:${r.code}`);

describe('pledgeability from the record', () => {
  it('accepts a granted invention with fees paid, owned by the pledgor', () => {
    const r = assessPledgeability(base, '深圳市甲科技有限公司', TODAY);
    expect(r).toMatchObject({ pledgeable: true, expiresOn: '2038-05-10', reasons: [] });
    expect(r.remainingDays).toBe(daysBetween(TODAY, '2038-05-10'));
  });

  it.each([
    [{ legalStatus: 'pending', grantDate: null }, 'block:not_granted'],
    [{ legalStatus: 'lapsed' }, 'block:lapsed'],
    [{ legalStatus: 'invalidated' }, 'block:invalidated'],
    [{ filingDate: '2006-01-01', grantDate: '2008-01-01' }, 'block:expired'],
    [{ feePaidThrough: '2026-05-10' }, 'block:fee_unpaid'],
    [{ feePaidThrough: null }, 'block:fee_unpaid'],
    [{ pledged: true }, 'block:already_pledged'],
    [{ suspended: true }, 'block:suspended'],
    [{ owners: ['深圳市乙科技有限公司'] }, 'block:not_owner'],
    [{ owners: ['深圳市甲科技有限公司', '某大学'] }, 'confirm:co_owners'],
    [{ owners: [] }, 'confirm:owner_unknown'],
    [{ underInvalidation: true }, 'risk:under_invalidation'],
    [{ kind: 'utility', filingDate: '2022-01-01', grantDate: '2022-08-01', sameDayInvention: true }, 'risk:same_day_invention'],
    [{ filingDate: '2008-01-01', grantDate: '2010-01-01' }, 'warn:short_term'],
  ] as [Partial<PledgeAsset>, string][])('%o gives %s', (change, code) => {
    expect(codes(change)).toContain(code);
    expect(assessPledgeability({ ...base, ...change }, '深圳市甲科技有限公司', TODAY).pledgeable).toBe(!code.startsWith('block'));
  });

  it('does not ask a trademark for patent annual fees or a grant date', () => {
    expect(codes({ kind: 'trademark', filingDate: null, grantDate: null, registrationDate: '2020-01-01', feePaidThrough: null })).toEqual(
      [],
    );
  });
});
