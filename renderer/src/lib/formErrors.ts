import type { FormInstance } from 'antd';
import { ApiError } from '../api';

/**
 * Shows a failed save in the form: issues with a path go under their field, the rest in a
 * message. Returns the text for the message (or null when every issue found its field).
 */
export function applyApiError(form: FormInstance, err: unknown, pathToField: Record<string, string> = {}): string | null {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const byField = err.issues.filter((i) => i.path);
  if (err.code === 'INVALID_INPUT' && byField.length) {
    form.setFields(byField.map((i) => ({ name: pathToField[i.path.split('.')[0]!] ?? i.path.split('.')[0]!, errors: [i.message] })));
    return byField.length === err.issues.length ? null : err.message;
  }
  return err.message;
}
