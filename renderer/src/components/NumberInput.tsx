import { Input, type InputProps } from 'antd';

/**
 * A number field that shows exactly what was typed, with its unit. Its Form.Item's
 * numberRule refuses an out-of-range value with a message; it never clamps or rounds.
 */
export function NumberInput({ unit, ...props }: Omit<InputProps, 'type' | 'suffix'> & { unit?: string }) {
  return (
    <Input inputMode="decimal" autoComplete="off" suffix={unit ? <span className="number-unit">{unit}</span> : undefined} {...props} />
  );
}
