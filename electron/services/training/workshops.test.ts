/**
 * 培训记录 are real records that sync: a trainer's desktop pushes a session with its attendance,
 * an officer's pulls it, a steward may not write one, and two desks changing the same session's
 * attendance at once is a conflict, never an overwrite. Real SQLite files, the real server on 127.0.0.1.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../../shared/domain/dates';
import type { WorkshopInput } from '../../../shared/schemas/workshop';
import { startCentral, type Central } from '../../../test/support/central';
import { usePglite } from '../../../test/support/postgres';
import { tempDir } from '../../../test/support/temp';
import { exportList } from '../exporters/export-list';
import { syncOnce } from '../sync/engine';
import { clientFor, type TokenVault } from '../sync/session';
import { signedInDesk } from '../sync/test-desk';
import { listWorkshops, saveWorkshop } from './workshops';
import ExcelJS from 'exceljs';
import http from 'node:http';
import { writeState } from '../sync/state';

/** The central service as an older version answers: the same, but naming no schema version. */
async function oldServer(target: string) {
  let pushes = 0;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/sync/push')) pushes++;
    const fwd = http.request(new URL(req.url!, target), { method: req.method, headers: req.headers }, (up) => {
      const headers = { ...up.headers };
      delete headers['x-ipf-schema'];
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
    });
    req.pipe(fwd);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    get pushes() {
      return pushes;
    },
    close: () => server.close(),
  };
}

const tmp = tempDir();
const pglite = usePglite();
const PASSWORD = 'workshop-密码-2026';
let central: Central;
let trainer: { db: Database; vault: TokenVault };
let officer: { db: Database; vault: TokenVault };
let steward: { db: Database; vault: TokenVault };
const sync = (d: { db: Database; vault: TokenVault }) => syncOnce(d.db, clientFor(d.db, d.vault));
const at = (who: string) => ({ actor: who, now: new Date().toISOString() });

const session: WorkshopInput = {
  id: 'ws-sync-1',
  date: addDays(todayIso(), -7),
  topic: '知识产权质押融资跨界人才培训（银行专场）',
  trainer: '培训师甲',
  venue: '深圳市知识产权金融公共服务平台',
  district: '南山',
  attendees: [
    { name: '王晓明', organisation: '某银行南山支行', kind: 'bank', attended: true },
    { name: '陈嘉怡', organisation: '南山区科技创新局', kind: 'government', attended: false },
  ],
  materials: [{ title: '质押登记实务讲义', note: '' }],
};

afterAll(() => {
  for (const d of [trainer, officer, steward]) d?.db.close();
  tmp.cleanup();
});

describe('培训记录 sync', () => {
  // One central store for the whole story: a test's PGlite closes when the test ends.
  it('travels from a trainer’s desktop to an officer’s; a steward may not write one; a concurrent edit is a conflict', async () => {
    central = await startCentral(await pglite.fresh());
    const url = await central.app.listen({ host: '127.0.0.1', port: 0 });
    await central.account('培训师甲', 'trainer', [], PASSWORD);
    await central.account('南山专员', 'officer', ['南山'], PASSWORD);
    await central.account('管家乙', 'steward', ['南山'], PASSWORD);
    trainer = await signedInDesk(tmp.dir, 'trainer', url, '培训师甲', PASSWORD);
    officer = await signedInDesk(tmp.dir, 'officer', url, '南山专员', PASSWORD);
    steward = await signedInDesk(tmp.dir, 'steward', url, '管家乙', PASSWORD);

    const saved = saveWorkshop(trainer.db, session, at('培训师甲'));
    expect(saved).toMatchObject({ invited: 2, attended: 1, byKind: { bank: 1, government: 0 } });
    expect((await sync(trainer)).rejected).toBe(0);
    await sync(officer);
    const [got] = listWorkshops(officer.db, { search: '银行专场' });
    expect(got).toMatchObject({ id: 'ws-sync-1', attended: 1, materials: [{ title: '质押登记实务讲义' }] });
    expect(listWorkshops(officer.db, { search: '', kind: 'enterprise' })).toEqual([]);
    expect(listWorkshops(officer.db, { search: '陈嘉怡' })).toHaveLength(1);

    // A steward sees the records (everyone does) but may not write one.
    await sync(steward);
    expect(listWorkshops(steward.db, { search: '' })).toHaveLength(1);
    expect(() => saveWorkshop(steward.db, { ...session, id: 'ws-steward' }, at('管家乙'))).toThrow();
    expect(listWorkshops(steward.db, { search: '' })).toHaveLength(1);

    // Both change who came, at once: the second to arrive becomes a conflict on attendees.
    const base = listWorkshops(trainer.db, { search: '' })[0]!;
    saveWorkshop(trainer.db, { ...session, attendees: base.attendees.map((a) => ({ ...a, attended: true })) }, at('培训师甲'));
    const added = [...base.attendees, { name: '林海峰', organisation: '某担保公司', kind: 'agency' as const, attended: true }];
    saveWorkshop(officer.db, { ...session, attendees: added }, at('南山专员'));
    await sync(trainer);
    const report = await sync(officer);
    expect(report.conflicts).toBeGreaterThan(0);
    const conflicts = officer.db.prepare("SELECT data FROM sync_records WHERE entity = 'conflict'").pluck().all() as string[];
    expect(conflicts.some((c) => c.includes('"field":"attendees"'))).toBe(true);

    // Through a server too old to know workshop records (it names no schema): the change waits, kept.
    const old = await oldServer(url);
    writeState(trainer.db, 'server', old.url);
    writeState(trainer.db, 'serverSchema', null);
    saveWorkshop(trainer.db, { ...session, id: 'ws-held', topic: '旧版中心服务期间登记的培训' }, at('培训师甲'));
    await expect(sync(trainer)).rejects.toThrow(/中心服务的版本低于本机/);
    expect(old.pushes).toBe(0);
    expect(listWorkshops(trainer.db, { search: '旧版中心服务' })).toHaveLength(1);
    // Upgraded (the real server again), it goes through and reaches the officer.
    writeState(trainer.db, 'server', url);
    await sync(trainer);
    await sync(officer);
    expect(listWorkshops(officer.db, { search: '旧版中心服务' })).toHaveLength(1);
    old.close();
    await central.app.close();
  }, 60_000);

  it('exports one row per attendee, with the session and attendance', async () => {
    const { bytes, rows, fileName } = await exportList(
      trainer.db,
      { kind: 'workshops', filter: { search: '银行专场' } },
      'xlsx',
      todayIso(),
    );
    expect(fileName).toMatch(/^培训记录-/);
    expect(rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toContain('学员姓名');
    expect(ws.getRow(2).values).toContain('王晓明');
    expect(ws.getRow(3).values).toContain('出席');
  });
});
