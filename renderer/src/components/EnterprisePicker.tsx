import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../shared/types/records';
import { api } from '../api';

/** Finds an enterprise by name, pinyin initials or credit code as the user types. */
export function EnterprisePicker({ value, onChange }: { value: Enterprise | null; onChange: (e: Enterprise | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<Enterprise[]>([]);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      api()
        .enterprisesList({ filter: { search }, limit: 30 })
        .then(
          (p) => live && setOptions(p.rows),
          () => live && setOptions([]),
        );
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [search]);
  return (
    <Select
      showSearch
      allowClear
      aria-label={t('val.enterprise')}
      placeholder={t('val.pickEnterprise')}
      style={{ width: 460 }}
      filterOption={false}
      onSearch={setSearch}
      value={value?.id}
      onChange={(id?: string) => onChange(options.find((e) => e.id === id) ?? null)}
      options={options.map((e) => ({ value: e.id, label: `${e.name}（${e.district}）` }))}
    />
  );
}
