import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { tempDir } from '../../../test/support/temp';
import { addDays, daysBetween, todayIso } from '../../../shared/domain/dates';
import { isPatentKind } from '../../../shared/domain/ip';
import { checkUscc } from '../../../shared/validators/uscc';
import { openDatabase } from '../db/connection';
import { DEV_RESOURCES_DIR } from '../jobs/tsx-launch';
import { getRecord } from '../sync/store';
import { loadDataset, writeDataset } from './dataset';
import { loadTypicalCases } from './library';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('the training dataset', () => {
  const data = loadDataset(DEV_RESOURCES_DIR);
  const { db } = openDatabase({ file: path.join(tmp.dir, 'sandbox.sqlite') });
  const loaded = writeDataset(db, DEV_RESOURCES_DIR);

  it('loads through the app’s own mutations with every step accepted', () => {
    expect(loaded.steps).toBe(data.steps.length);
    for (const c of data.cases) expect(getRecord(db, 'case', c.id)?.data.stage, c.title).toBe(c.stage);
  });

  it('shows the whole loop: a refused registration, an ineligible subsidy and a paid one, cases at every stage', () => {
    const pledges = (db.prepare("SELECT data FROM sync_records WHERE entity = 'pledge'").pluck().all() as string[]).map(
      (s) => JSON.parse(s) as { status: string },
    );
    expect(pledges.some((p) => p.status === 'refused')).toBe(true);
    expect(pledges.some((p) => p.status === 'registered')).toBe(true);
    const subsidies = (db.prepare("SELECT data FROM sync_records WHERE entity = 'subsidy'").pluck().all() as string[]).map(
      (s) => JSON.parse(s) as { status: string; calc: { eligible: boolean } },
    );
    expect(subsidies.some((s) => s.status === 'paid')).toBe(true);
    expect(subsidies.some((s) => !s.calc.eligible)).toBe(true);
    expect(new Set(data.cases.map((c) => c.stage))).toEqual(new Set(['guidance', 'valuation', 'registration', 'subsidy', 'closed']));
  });

  it('uses valid identifiers and clearly fictional names', () => {
    const enterprises = (db.prepare("SELECT data FROM sync_records WHERE entity = 'enterprise'").pluck().all() as string[]).map(
      (s) => JSON.parse(s) as { name: string; uscc: string },
    );
    expect(enterprises.length).toBeGreaterThanOrEqual(10);
    for (const e of enterprises) {
      expect(checkUscc(e.uscc).valid, e.uscc).toBe(true);
      expect(e.name, e.name).toMatch(/演示|示范|培训|练习|模拟/);
    }
    const items = (db.prepare("SELECT data FROM sync_records WHERE entity = 'ip_asset'").pluck().all() as string[]).map(
      (s) => JSON.parse(s) as { kind: string },
    );
    expect(items.some((i) => isPatentKind(i.kind as never))).toBe(true);
  });

  it('moves the script on to today, so a running loan is still running when the sandbox is loaded later', () => {
    const days = daysBetween(data.asOf, todayIso());
    expect(loaded.shiftedDays).toBe(Math.max(0, days));
    const visit = data.steps.find((s) => s.name === 'visit.save')!;
    const stored = JSON.parse(
      db.prepare("SELECT data FROM sync_records WHERE entity = 'visit' AND id = ?").pluck().get(visit.args.id) as string,
    );
    expect(stored.visitedOn).toBe(addDays(String(visit.args.visitedOn), loaded.shiftedDays));
  });

  it('builds a sandbox case on each of the ten typical cases of 2023', () => {
    const library = loadTypicalCases(DEV_RESOURCES_DIR);
    expect(library.cases).toHaveLength(10);
    for (const t of library.cases) {
      const c = data.cases.find((x) => x.id === t.sandboxCaseId);
      expect(c, `案例 ${t.no}`).toBeDefined();
      expect(c!.typicalCase).toBe(t.no);
    }
  });
});
