import { AutoComplete } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { InstitutionView } from '../../../shared/domain/institution-lists';
import { INSTITUTION_KIND_LABELS, type InstitutionKind } from '../../../shared/domain/institutions';
import { api } from '../api';
import { useSyncStore } from '../features/sync/store';

let loaded: Promise<InstitutionView[]> | null = null;
let loadedAt = -1;

/**
 * The directory, read once per window and again when it may have changed: after an edit on the
 * 机构名录 page (`version`) or a sync that changed local records (others' edits arrive so).
 */
export function useInstitutions(version = 0): InstitutionView[] {
  const [list, setList] = useState<InstitutionView[]>([]);
  const synced = useSyncStore((s) => s.status?.dataVersion ?? 0);
  const at = version * 1_000_000 + synced;
  useEffect(() => {
    if (!loaded || at !== loadedAt) {
      loaded = api().institutionsList({});
      loadedAt = at;
    }
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
  }, [at]);
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
