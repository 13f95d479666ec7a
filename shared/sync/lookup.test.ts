import { describe, expect, it } from 'vitest';
import { lookupColumn, lookupValues } from './lookup';

describe('record lookups', () => {
  it('answers a parent or a unique key from its own column, and refuses any other field', () => {
    expect(lookupColumn('ip_asset', 'enterpriseId')).toBe('parent_id');
    expect(lookupColumn('visit', 'caseId')).toBe('parent_id');
    expect(lookupColumn('enterprise', 'uscc')).toBe('lookup_key');
    expect(lookupColumn('ip_asset', 'number')).toBe('lookup_key');
    expect(lookupColumn('whitelist_batch', 'name')).toBe('lookup_key');
    // Not indexed: a lookup by it would scan every record, so it is a programming error.
    expect(() => lookupColumn('enterprise', 'name')).toThrow(/enterprise\.name/);
    expect(() => lookupColumn('whitelist_entry', 'batchId')).toThrow();
  });

  it('takes the values from the record as text, and leaves them empty where the entity has none', () => {
    expect(lookupValues('ip_asset', { enterpriseId: 'e1', number: '2019100000013', title: 'x' })).toEqual({
      parent_id: 'e1',
      lookup_key: '2019100000013',
    });
    expect(lookupValues('enterprise', { name: 'x', district: '光明' })).toEqual({ parent_id: null, lookup_key: null });
    expect(lookupValues('catalog', { products: [] })).toEqual({ parent_id: null, lookup_key: null });
  });
});
