/**
 * Importing a list of legal-status changes (法律状态变更清单, e.g. from CNIPA's notices or an
 * agency's watch service): one row per event with the patent or registration number, the event,
 * its date and optionally the day it ended and a note. Every row is checked first; the good
 * rows are written in one transaction through the shared mutation, and each bad row is named
 * with its spreadsheet row and reason. Nothing of a bad row is written.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { IP_EVENT_KINDS, IP_EVENT_LABELS, type IpEventKind } from '../../../shared/domain/loan/watch';
import { checkPatent } from '../../../shared/validators/patent';
import { writer } from '../handler-context';
import { newId } from '../ids';
import { CellError, date, isBlank, text } from '../importers/cells';
import { readTable } from '../importers/read-table';
import { localMutate } from '../sync/local';
import { localState } from '../sync/store';

export interface IpEventImportResult {
  imported: number;
  rejected: { row: number; reason: string }[];
}

const HEADERS = {
  number: ['专利号', '申请号', '注册号', '编号'],
  kind: ['事件', '法律状态', '事件类型'],
  occurredOn: ['日期', '事件日期'],
  endedOn: ['解除日期'],
  note: ['说明', '备注'],
} as const;
const BY_LABEL = new Map<string, IpEventKind>(IP_EVENT_KINDS.map((k) => [IP_EVENT_LABELS[k], k]));
// Words the notices use for the same events.
for (const [word, kind] of [
  ['终止', 'lapse'],
  ['未缴年费终止', 'lapse'],
  ['失效', 'lapse'],
  ['无效宣告', 'invalidation_request'],
  ['全部无效', 'invalidated'],
  ['权利转移', 'transfer'],
  ['著录项目变更', 'transfer'],
  ['实施许可', 'licence'],
  ['保全', 'preservation'],
] as const)
  BY_LABEL.set(word, kind);

const storedNumber = (raw: string): string => {
  const p = checkPatent(raw);
  return p.valid ? p.normalized.replace(/^ZL/, '').replace('.', '') : raw.replace(/[\s\u3000]/g, '').toUpperCase();
};

export async function importIpEvents(db: Database, bytes: Uint8Array, fileName: string): Promise<IpEventImportResult> {
  const table = await readTable(bytes, fileName);
  const col = (names: readonly string[]) => table.headers.findIndex((h) => names.includes(h));
  const at = {
    number: col(HEADERS.number),
    kind: col(HEADERS.kind),
    occurredOn: col(HEADERS.occurredOn),
    endedOn: col(HEADERS.endedOn),
    note: col(HEADERS.note),
  };
  const missing = (['number', 'kind', 'occurredOn'] as const).filter((k) => at[k] < 0).map((k) => HEADERS[k][0]);
  if (missing.length)
    return {
      imported: 0,
      rejected: [{ row: 1, reason: `缺少列：${missing.join('、')}（表头应含 专利号、事件、日期，可选 解除日期、说明）` }],
    };
  const state = localState(db);
  const rejected: IpEventImportResult['rejected'] = [];
  const good: { row: number; args: Record<string, unknown> }[] = [];
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i]!;
    if (cells.every(isBlank)) return;
    try {
      const raw = text(cells[at.number] ?? null);
      const asset = raw ? state.findBy('ip_asset', 'number', storedNumber(raw)) : null;
      if (!asset) throw new CellError(raw ? `本机没有编号为 ${raw} 的知识产权` : '专利号为空');
      const word = text(cells[at.kind] ?? null);
      const kind = BY_LABEL.get(word);
      if (!kind) throw new CellError(`事件“${word}”无法识别，应为：${IP_EVENT_KINDS.map((k) => IP_EVENT_LABELS[k]).join('、')}`);
      const occurredOn = date(cells[at.occurredOn] ?? null);
      if (!occurredOn) throw new CellError('事件日期为空');
      const endedOn = at.endedOn >= 0 ? date(cells[at.endedOn] ?? null) : null;
      const note = at.note >= 0 ? text(cells[at.note] ?? null).slice(0, 200) : '';
      // The same list imported again (or an event already typed in) is not recorded twice.
      const same = (e: { data: Record<string, unknown> }) => e.data.kind === kind && e.data.occurredOn === occurredOn;
      if (
        state.children('ip_event', 'ipAssetId', asset.id).some(same) ||
        good.some((g) => g.args.ipAssetId === asset.id && same({ data: g.args }))
      )
        throw new CellError(`${raw} 已有 ${occurredOn} 的“${IP_EVENT_LABELS[kind]}”事件，未重复记录`);
      good.push({ row, args: { id: newId(), ipAssetId: asset.id, kind, occurredOn, endedOn, note, source: 'import' } });
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      rejected.push({ row, reason: e.message });
    }
  });
  const who = writer(db);
  let imported = 0;
  db.transaction(() => {
    for (const g of good) {
      try {
        localMutate(db, 'ip_event.save', g.args, who);
        imported++;
      } catch (e) {
        rejected.push({ row: g.row, reason: e instanceof Error ? e.message : String(e) });
      }
    }
  })();
  return { imported, rejected: rejected.sort((a, b) => a.row - b.row) };
}
