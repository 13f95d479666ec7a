import type { FormInstance } from 'antd';
import { ApiError } from '../api';

/**
 * Shows a failed save in the form: issues with a path go under their field, the rest in a
 * message. Returns the text for the message (or null when every issue found its field).
 */
export function applyApiError(
  form: FormInstance,
  err: unknown,
  pathToField: Record<string, string> = {},
  opts: { nested?: boolean } = {},
): string | null {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const byField = err.issues.filter((i) => i.path);
  if (err.code === 'INVALID_INPUT' && byField.length) {
    // A form with lists (Form.List) takes the whole path: attendees.1.name is row 1's name.
    const nameOf = (path: string): string | (string | number)[] => {
      const parts = path.split('.');
      if (opts.nested && parts.length > 1) return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      return pathToField[parts[0]!] ?? parts[0]!;
    };
    // An issue whose field the form does not show stays in the message, never silently dropped.
    const shown = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
    const placed = byField.filter((i) => {
      const n = nameOf(i.path);
      return shown.has(JSON.stringify(Array.isArray(n) ? n : [n]));
    });
    const fields = placed.map((i) => ({ name: nameOf(i.path), errors: [i.message] }));
    form.setFields(fields);
    serverErrors.set(form, fields);
    return placed.length === err.issues.length ? null : err.message;
  }
  return err.message;
}

/** The errors a refused save placed under fields, per form, until the user edits anything. */
const serverErrors = new WeakMap<FormInstance, { name: string | (string | number)[]; errors: string[] }[]>();

/**
 * Pass as the Form's onValuesChange: once anything is edited, the service's verdict on the
 * last save is stale (a date error may be fixed by changing the other date), so its errors
 * go; the fields' own rules keep checking as the user types.
 */
export function clearServerErrors(form: FormInstance) {
  return () => {
    const set = serverErrors.get(form);
    if (!set) return;
    serverErrors.delete(form);
    form.setFields(
      set.filter((f) => form.getFieldError(f.name).join('\n') === f.errors.join('\n')).map((f) => ({ name: f.name, errors: [] })),
    );
  };
}

/**
 * The form's values, or null when a field rule refused them (antd then shows each message
 * under its field). A refusal is the user's to fix, not an error to log.
 */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    // eslint-disable-next-line no-restricted-syntax -- the one place that calls it
    return await form.validateFields();
  } catch (err) {
    if (err && typeof err === 'object' && 'errorFields' in err) return null;
    throw err;
  }
}
