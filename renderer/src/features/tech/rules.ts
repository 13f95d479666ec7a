/** Form rules of the 技术对接 forms, checked with the services' own schemas (their Chinese messages, at the field). */
import type { FormRule } from 'antd';
import type { ZodType } from 'zod';

/** The field's value must pass `schema`; the first issue's message is shown under it. */
export function schemaRule(schema: ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const parsed = schema.safeParse(value ?? '');
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '填写不正确');
    },
  };
}

/**
 * A tags field (IPC classes, patent numbers) checked as the list `schema` the service takes:
 * a bad entry is named in the message, so the user knows which tag to fix.
 */
export function tagsRule(schema: ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const tags = Array.isArray(value) ? (value as string[]) : [];
      const parsed = schema.safeParse(tags);
      if (parsed.success) return;
      const issue = parsed.error.issues[0];
      const at = issue?.path[0];
      const message = issue?.message ?? '填写不正确';
      throw new Error(typeof at === 'number' && tags[at] !== undefined ? `“${tags[at]}”：${message}` : message);
    },
  };
}

/** Tags typed in a Select: split on these as well as Enter. */
export const TAG_SEPARATORS = ['、', ',', '，', ';', '；'];
