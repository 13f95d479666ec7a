/** Dates in forms: antd's pickers hold dayjs values; the contract carries ISO days. */
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ZodType } from 'zod';

export const isoOf = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
export const dayOf = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null);

/** A form rule checking the picked day with the service's schema (its message, at the field). */
export function dateRule(schema: ZodType): FormRule {
  return {
    validator: async (_rule, d: Dayjs | null | undefined) => {
      const iso = isoOf(d);
      if (iso === null) return;
      const parsed = schema.safeParse(iso);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '日期不正确');
    },
  };
}
