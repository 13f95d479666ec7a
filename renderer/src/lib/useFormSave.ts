import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyApiError, validated } from './formErrors';

/**
 * A form's save: its own rules first, then the service; a refusal goes under the fields it names
 * and the rest into `error`. Nothing is written unless the service accepts the whole form.
 */
export function useFormSave<V, R>(
  form: FormInstance<V>,
  write: (values: V) => Promise<R>,
  onSaved: (result: R) => void,
  opts: { pathToField?: Record<string, string>; nested?: boolean } = {},
) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await write(v));
    } catch (err) {
      setError(applyApiError(form, err, opts.pathToField, { nested: opts.nested }));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, save };
}
