import { Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { ZodType } from 'zod';
import { numberText, UNITS, type UnitName } from '../lib/numbers';
import { NumberInput } from './NumberInput';

/**
 * A number outside a form (a list filter): the text stays as typed; a valid value (or blank)
 * is applied, an invalid one is marked with its message and not applied.
 */
export function NumberFilter({
  value,
  onChange,
  schema,
  unit,
  unitLabel,
  label,
  placeholder = label,
  width = 140,
}: {
  value: number | null;
  onChange: (v: number | null) => void;
  schema: ZodType;
  unit: UnitName;
  unitLabel?: string;
  label: string;
  placeholder?: string;
  width?: number;
}) {
  const [text, setText] = useState(numberText(value, unit));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText((t) => (error ? t : numberText(value, unit))), [value, unit, error]);
  const typed = (t: string) => {
    setText(t);
    if (t.trim() === '') return void (setError(null), onChange(null));
    const r = UNITS[unit].read(t);
    const parsed = r.ok ? schema.safeParse(r.value) : null;
    if (!r.ok) return setError(r.message);
    if (!parsed?.success) return setError(parsed?.error.issues[0]?.message ?? '数值不正确');
    setError(null);
    onChange(r.value);
  };
  return (
    <Tooltip open={error !== null} title={error} color="red">
      <NumberInput
        aria-label={label}
        placeholder={placeholder}
        unit={unitLabel}
        value={text}
        status={error ? 'error' : undefined}
        onChange={(e) => typed(e.target.value)}
        style={{ width }}
      />
    </Tooltip>
  );
}
