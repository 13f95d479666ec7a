import { AutoComplete } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { InstitutionView } from '../../../shared/domain/institution-lists';
import { INSTITUTION_KIND_LABELS, type InstitutionKind } from '../../../shared/domain/institutions';
import { api } from '../api';

let loaded: Promise<InstitutionView[]> | null = null;

/** The directory, read once per window (reloaded after an edit on the 机构名录 page). */
export function useInstitutions(version = 0): InstitutionView[] {
  const [list, setList] = useState<InstitutionView[]>([]);
  useEffect(() => {
    if (version > 0 || !loaded) loaded = api().institutionsList({});
    let live = true;
    loaded
      .then((l) => live && setList(l))
      .catch(() => {
        // Not kept: the next form asks again.
        loaded = null;
        if (live) setList([]);
      });
    return () => {
      live = false;
    };
  }, [version]);
  return list;
}

/**
 * A name chosen from the directory's institutions of these kinds (heads, their branches below),
 * or typed when it is not there yet: the officer then finds it under 机构名录 → 名称对照.
 */
export function InstitutionInput({
  kinds,
  value,
  onChange,
  maxLength,
  placeholder,
  size,
  'aria-label': ariaLabel,
}: {
  kinds: readonly InstitutionKind[];
  value?: string;
  onChange?: (v: string) => void;
  maxLength: number;
  placeholder?: string;
  size?: 'small' | 'middle';
  'aria-label'?: string;
}) {
  const all = useInstitutions();
  const options = useMemo(
    () =>
      kinds.map((k) => ({
        label: INSTITUTION_KIND_LABELS[k],
        options: all
          .filter((i) => i.kind === k && i.active)
          .map((i) => ({ value: i.name, label: i.headName ? `\u3000${i.name}` : i.name, search: [i.name, ...i.aliases].join(' ') })),
      })),
    [all, kinds],
  );
  return (
    <AutoComplete
      value={value}
      onChange={onChange}
      options={options}
      maxLength={maxLength}
      placeholder={placeholder}
      size={size}
      aria-label={ariaLabel}
      filterOption={(input, o) => !!o && 'search' in o && String(o.search).includes(input.trim())}
    />
  );
}
