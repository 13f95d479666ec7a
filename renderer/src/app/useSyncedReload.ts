import { useEffect } from 'react';
import { useCasesStore } from '../features/cases/store';
import { useEnterprisesStore } from '../features/enterprises/store';
import { useSyncStore } from '../features/sync/store';

/**
 * When a sync has changed local records (pulled others' edits, reverted a refused change) the
 * lists and the open case reload, as they do after the user's own writes.
 */
export function useSyncedReload(): void {
  const dataVersion = useSyncStore((s) => s.status?.dataVersion);
  useEffect(() => {
    if (dataVersion === undefined) return;
    useEnterprisesStore.getState().changed();
    const cases = useCasesStore.getState();
    useCasesStore.setState({ version: cases.version + 1 });
    if (cases.detail) void cases.load(cases.detail.record.id);
  }, [dataVersion]);
}
