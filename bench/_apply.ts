import fs from 'node:fs';
import { openDatabase } from '../electron/services/db/connection';
import { applyPage } from '../electron/services/sync/apply-pull';
import { beginBulkLoad, finishBulkLoad } from '../electron/services/sync/bulk-load';
import { usccFor } from '../test/support/sheets';
import type { PullResponse } from '../shared/sync/protocol';
const E = Number(process.env.E ?? 25000),
  P = E * 3,
  PAGE = 2000;
const D = ['南山', '福田', '宝安'];
const changes: PullResponse['changes'] = [];
for (let g = 1; g <= E; g++)
  changes.push({
    e: 'enterprise',
    id: `e${g}`,
    op: 'upsert',
    s: D[g % 3],
    t: '2026-11-01T00:00:00.000Z',
    b: 'seed',
    v: { '*': 1 },
    d: {
      name: `深圳市基准${g}科技有限公司`,
      uscc: usccFor(g),
      district: D[g % 3],
      street: '粤海街道',
      address: `深圳市科技园${g}号`,
      industry: '电子信息',
      foundedOn: '2015-06-01',
      registeredCapitalFen: 100000000,
      employees: 50 + (g % 400),
      revenueFen: 1000000 * (200 + (g % 5000)),
      rdFen: 100000 * (200 + (g % 5000)),
      qualifications: ['高新技术企业'],
      contacts: [{ name: '王晓明', role: '财务总监', phone: '13800000000' }],
      notes: '',
    },
  });
for (let g = 1; g <= P; g++) {
  const e = 1 + (g % E);
  changes.push({
    e: 'ip_asset',
    id: `p${g}`,
    op: 'upsert',
    s: D[e % 3],
    t: '2026-11-01T00:00:00.000Z',
    b: 'seed',
    v: { '*': 1 },
    d: {
      enterpriseId: `e${e}`,
      kind: 'invention',
      number: `20191${String(g).padStart(7, '0')}3`,
      title: `一种基于深度学习的图像识别方法${g}`,
      filingDate: '2019-03-01',
      grantDate: '2021-05-01',
      registrationDate: null,
      validUntil: null,
      publishedOn: null,
      legalStatus: 'granted',
      feePaidThrough: '2027-03-01',
      owners: [`深圳市基准${e}科技有限公司`],
      claimsCount: 10,
      ipcClass: 'G06F',
      pledged: false,
      suspended: false,
      underInvalidation: false,
      sameDayInvention: false,
    },
  });
}
const pages: string[] = [];
for (let i = 0; i < changes.length; i += PAGE)
  pages.push(JSON.stringify({ changes: changes.slice(i, i + PAGE), cursor: `c${i}`, complete: i + PAGE >= changes.length }));
const file = `/tmp/prof/apply-${process.pid}.sqlite`;
const { db } = openDatabase({ file });
if (process.env.CKPT) db.pragma(`wal_autocheckpoint = ${process.env.CKPT}`);
if (process.env.SYNCOFF) db.pragma('synchronous = OFF');
const t = performance.now();
beginBulkLoad(db);
let parse = 0;
for (const p of pages) {
  const t0 = performance.now();
  const page = JSON.parse(p) as PullResponse;
  parse += performance.now() - t0;
  applyPage(db, page, '2026-12-01T00:00:00.000Z');
}
const t1 = performance.now();
finishBulkLoad(db);
const t2 = performance.now();
console.log(
  `records ${changes.length}: apply ${((t1 - t) / 1000).toFixed(1)} s (parse ${(parse / 1000).toFixed(1)} s), finish ${((t2 - t1) / 1000).toFixed(1)} s, per record ${(((t2 - t) / changes.length) * 1000).toFixed(0)} µs`,
);
db.close();
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
