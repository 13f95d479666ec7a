import { Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, type District } from '../../../../shared/domain/districts';
import { QUALIFICATIONS, type Qualification } from '../../../../shared/domain/enterprise';
import { ENTRY_STATUSES, type EntryStatus } from '../../../../shared/domain/whitelist';
import { api } from '../../api';
import { fenAmount } from '../../../../shared/schemas/common';
import { NumberFilter } from '../../components/NumberFilter';

/** Search box that applies 300 ms after typing stops (or on Enter). */
export function SearchBox({ value, onChange, placeholder }: { value: string; onChange: (v: string) => void; placeholder: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    const t = window.setTimeout(() => text !== value && onChange(text), 300);
    return () => window.clearTimeout(t);
  }, [text, value, onChange]);
  return (
    <Input.Search
      aria-label={placeholder}
      placeholder={placeholder}
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={onChange}
      style={{ width: 320 }}
    />
  );
}

const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, style: { minWidth: 150 } };

export function DistrictSelect({ value, onChange }: { value: District[]; onChange: (v: District[]) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      {...multi}
      aria-label={t('ent.district')}
      placeholder={t('ent.district')}
      value={value}
      onChange={onChange}
      options={DISTRICTS.map((d) => ({ value: d, label: d }))}
    />
  );
}

export function QualificationSelect({ value, onChange }: { value: Qualification[]; onChange: (v: Qualification[]) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      {...multi}
      aria-label={t('ent.qualification')}
      placeholder={t('ent.qualification')}
      value={value}
      onChange={onChange}
      options={QUALIFICATIONS.map((q) => ({ value: q, label: q }))}
    />
  );
}

export function StatusSelect({ value, onChange }: { value: EntryStatus[]; onChange: (v: EntryStatus[]) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      {...multi}
      aria-label={t('ent.status')}
      placeholder={t('ent.status')}
      value={value}
      onChange={onChange}
      options={ENTRY_STATUSES.map((s) => ({ value: s, label: s }))}
    />
  );
}

export function StewardSelect({ value, onChange, version }: { value: string[]; onChange: (v: string[]) => void; version: number }) {
  const { t } = useTranslation();
  const [stewards, setStewards] = useState<string[]>([]);
  useEffect(() => {
    api()
      .stewardsList({})
      .then(setStewards, () => setStewards([]));
  }, [version]);
  return (
    <Select
      {...multi}
      aria-label={t('ent.steward')}
      placeholder={t('ent.steward')}
      value={value}
      onChange={onChange}
      options={stewards.map((s) => ({ value: s, label: s }))}
    />
  );
}

const NEED_BOUND = fenAmount('融资需求');

export function NeedRange({
  min,
  max,
  onChange,
}: {
  min: number | null;
  max: number | null;
  onChange: (min: number | null, max: number | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <NumberFilter
        label={t('ent.needMin')}
        unit="wan"
        unitLabel="万元"
        schema={NEED_BOUND}
        value={min}
        onChange={(v) => onChange(v, max)}
      />
      <NumberFilter
        label={t('ent.needMax')}
        unit="wan"
        unitLabel="万元"
        schema={NEED_BOUND}
        value={max}
        onChange={(v) => onChange(min, v)}
      />
    </>
  );
}

export function DaysSelect({
  value,
  onChange,
  label,
  format,
  options,
}: {
  value: number | null;
  onChange: (v: number | null) => void;
  label: string;
  format: (days: number) => string;
  options: number[];
}) {
  return (
    <Select
      allowClear
      aria-label={label}
      placeholder={label}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      options={options.map((d) => ({ value: d, label: format(d) }))}
      style={{ width: 140 }}
    />
  );
}
