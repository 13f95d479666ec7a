/**
 * One query layer, two sources: 统计看板 answered by the central service (from its synced
 * records, in PostgreSQL) equals the desktop's (from its SQLite tables) for the same data —
 * the demo's cases at every stage, pushed by an administrator's desktop, and pulled by a
 * district officer's, whose central view covers their district only. Real SQLite files, the
 * real server on 127.0.0.1.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../shared/domain/dates';
import { statsFilter } from '../../../shared/schemas/stats';
import type { DashboardView } from '../../../shared/types/stats';
import { ACCESS_TTL_MS, startCentral, type Central } from '../../../test/support/central';
import { usePglite } from '../../../test/support/postgres';
import { tempDir } from '../../../test/support/temp';
import { generateDemo } from '../demo/generate';
import { DEV_RESOURCES_DIR, TSX_WORKER } from '../jobs/tsx-launch';
import { createRuntime } from '../runtime';
import { syncOnce } from '../sync/engine';
import { clientFor, type TokenVault } from '../sync/session';
import { signedInDesk } from '../sync/test-desk';
import { dashboard } from './dashboard';
import { listInstitutions, saveInstitution } from '../institutions/repository';
import { SHIPPED_INSTITUTIONS } from '../../../shared/domain/institutions';

const tmp = tempDir();
const pglite = usePglite();
const PASSWORD = 'stats-密码-2026';
let central: Central;
let url: string;
let admin: { db: Database; vault: TokenVault };
let officer: { db: Database; vault: TokenVault; file: string };
let alias: string;
const year = Number(todayIso().slice(0, 4));

// One store for every check (the demo pushed and pulled once): the PGlite of a test closes with it.
beforeAll(async () => {
  central = await startCentral(await pglite.fresh());
  url = await central.app.listen({ host: '127.0.0.1', port: 0 });
  await central.account('市管理员', 'admin', [], PASSWORD);
  await central.account('南山专员', 'officer', ['南山'], PASSWORD);
  await central.account('培训师甲', 'trainer', ['南山'], PASSWORD);
  admin = await signedInDesk(tmp.dir, 'admin', url, '市管理员', PASSWORD);
  generateDemo(admin.db, {
    enterprises: 80,
    today: todayIso(),
    ctx: { actor: '演示数据', now: new Date().toISOString() },
    resourcesDir: DEV_RESOURCES_DIR,
  });
  // A branch the administrator adds to the directory: both sources must resolve banks by it.
  // Its alias is another 中国银行 branch registered in the periods compared, so the alias changes figures.
  const boc = SHIPPED_INSTITUTIONS.find((i) => i.name === '中国银行')!;
  alias = admin.db
    .prepare(
      "SELECT bank FROM pledges WHERE reg_no <> '' AND reg_date >= ? AND bank LIKE '中国银行深圳%支行' AND bank <> '中国银行深圳南山支行' GROUP BY bank ORDER BY count(*) DESC LIMIT 1",
    )
    .pluck()
    .get(`${year - 3}-01-01`) as string;
  expect(alias).toBeTruthy();
  saveInstitution(
    admin.db,
    { id: 'inst-test-boc-ns', kind: 'bank', name: '中国银行深圳南山支行', headId: boc.id, aliases: [alias] },
    { actor: '市管理员', now: new Date().toISOString() },
  );
  const pushed = await syncOnce(admin.db, clientFor(admin.db, admin.vault));
  expect(pushed.rejected).toBe(0);
  officer = await signedInDesk(tmp.dir, 'officer', url, '南山专员', PASSWORD);
  await syncOnce(officer.db, clientFor(officer.db, officer.vault));
}, 240_000);
afterAll(async () => {
  admin?.db.close();
  officer?.db.close();
  await central?.app.close();
  tmp.cleanup();
});

const FILTERS = [
  { from: `${year}-01-01`, to: `${year}-12-31` },
  { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  { from: `${year - 3}-01-01`, to: todayIso() },
  { from: `${year}-01-01`, to: `${year}-06-30`, bank: '招商银行' },
  // A district filter narrows the view, not the data 同比's base is judged on.
  { from: `${year}-01-01`, to: `${year}-12-31`, districts: ['宝安'] },
];
const view = async (who: { db: Database; vault: TokenVault }, f: object) =>
  (await clientFor(who.db, who.vault).dashboard(statsFilter.parse(f))) as DashboardView;
/** The figures without the as-of time, which is each answer's own. */
const figures = (v: DashboardView) => ({ ...v, asOf: undefined });

describe('统计看板 from the central service', () => {
  it('equals the pushing desktop’s for every filter; an officer gets their district, equal to their desktop’s; others are refused', async () => {
    // The administrator sees every district.
    let registered = 0;
    for (const f of FILTERS) {
      const here = dashboard(admin.db, statsFilter.parse(f), 'now');
      const there = await view(admin, f);
      expect(figures(there)).toEqual(figures(JSON.parse(JSON.stringify(here))));
      registered += here.registrations.total.count;
    }
    // The comparison is of a store with registrations in it, not of two empty views.
    expect(registered).toBeGreaterThan(0);
    // The directory's addition counts the alias as that branch (on both sides, as compared above), and the officer pulled it.
    const boc = dashboard(admin.db, statsFilter.parse(FILTERS[2]!), 'now').registrations.byBank.find((b) => b.key === '中国银行')!;
    expect(boc.branches!.map((b) => b.key)).toContain('中国银行深圳南山支行');
    expect(boc.branches!.map((b) => b.key)).not.toContain(alias);
    expect(listInstitutions(officer.db).find((i) => i.id === 'inst-test-boc-ns')?.aliases).toEqual([alias]);

    // A district officer: their district only, equal to what their desktop pulled.
    const local = dashboard(officer.db, statsFilter.parse(FILTERS[2]!), 'now');
    const remote = await view(officer, FILTERS[2]!);
    expect(figures(remote)).toEqual(figures(JSON.parse(JSON.stringify(local))));
    expect(remote.registrations.byDistrict.map((d) => d.key)).toEqual(local.registrations.total.count ? ['南山'] : []);
    const city = dashboard(admin.db, statsFilter.parse(FILTERS[2]!), 'now');
    expect(remote.registrations.total.count).toBe(city.registrations.byDistrict.find((d) => d.key === '南山')?.count ?? 0);

    // A district outside the user's, and a trainer (whose workshops never touch real data), are refused in Chinese.
    await expect(view(officer, { ...FILTERS[0], districts: ['福田'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('福田'),
    });
    const trainer = await signedInDesk(tmp.dir, 'trainer', url, '培训师甲', PASSWORD);
    await expect(view(trainer, FILTERS[0]!)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('培训') });
    trainer.db.close();

    // An hour on, the access token has expired: the app's call waits for the sync worker to
    // refresh the session (it owns the refresh) and answers, the session still good.
    central.advance(ACCESS_TTL_MS + 1000);
    const rt = createRuntime({
      dataDir: tmp.dir,
      dbFile: officer.file,
      version: 't',
      shell: 'harness',
      worker: TSX_WORKER,
      resourcesDir: DEV_RESOURCES_DIR,
    });
    try {
      const later = (await rt.dispatch('dashboardCentral', FILTERS[2])) as { ok: boolean; value: DashboardView };
      expect(later.ok, JSON.stringify(later)).toBe(true);
      expect(figures(later.value)).toEqual(figures(remote));
      expect(rt.sync.status().signedIn).toBe(true);
    } finally {
      await rt.close();
    }
  });
});

describe('贷后管理 after sync', () => {
  it('the officer pulled every 南山 loan with its repayments, events, default and disposal: the same servicing as the desktop that wrote them', async () => {
    const { listLoans } = await import('../loans/portfolio');
    const today = todayIso();
    const pick = (db: Database) =>
      listLoans(db, { search: '', includeClosed: true, district: '南山' }, today).rows.map((r) => ({
        caseId: r.caseId,
        state: r.state,
        outstandingFen: r.outstandingFen,
        overdueFen: r.overdueFen,
        weakened: r.weakened,
        lossFen: r.lossFen,
        recoveredFen: r.recoveredFen,
      }));
    const mine = pick(admin.db);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((r) => r.state !== 'untracked')).toBe(true);
    expect(pick(officer.db)).toEqual(mine);
  });
});
