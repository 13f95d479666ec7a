/**
 * The seeded fault-injection sync test: five desktops (real SQLite files, the app's services)
 * against the real central service process (`node --import tsx server/index.ts` over a PGlite
 * data folder), through a proxy that loses requests and answers, cuts answers short, delivers
 * twice, late and out of order. Random offline edits on each desktop, random syncs (whole,
 * push only, pull only, small pages, several at once, edits made while a sync is under way);
 * the server SIGKILLed mid-push and restarted on the same folder (a steward losing a district
 * meanwhile); a desktop's sync run by the real CLI process and SIGKILLed while it pushes or
 * pulls, then the database reopened. Then, with the faults off, every desktop syncs until
 * settled and check.ts says what must hold.
 *
 *   SYNC_FUZZ_SEED=<n>   the first seed (printed as "sync fuzz seed n": replay a failure with it)
 *   SYNC_FUZZ_SEEDS=<k>  how many seeds from there (npm run soak runs 1000)
 *   SYNC_FUZZ_STEPS=<n>  steps of random edits and syncs per seed (90)
 *   SYNC_FUZZ_LOG=1      keep the run's trace in .test-results/sync-fuzz-<seed>.log even when it passes
 * A failing seed always leaves its trace and every problem found there.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { District } from '../../../../shared/domain/districts';
import { spawnCentral, type CentralProcess } from '../../../../test/support/central-process';
import { prepareCentralFolder, setCentralDistricts, withCentralFolder } from '../../../../test/support/central-folder';
import { usccFor } from '../../../../test/support/sheets';
import { rng as seeded, type Rng } from '../../demo/random';
import { checkAgainstServer, checkAnswers, checkClean, checkHistory, checkTables, type ServerState } from './check';
import { FaultProxy, type Tap } from './proxy';
import { Replica, type Account, type Pools, type SyncKind } from './replica';

const FIRST_SEED = Number(process.env.SYNC_FUZZ_SEED ?? 20261201);
const SEEDS = Number(process.env.SYNC_FUZZ_SEEDS ?? 1);
const STEPS = Number(process.env.SYNC_FUZZ_STEPS ?? 90);
const root = path.resolve(import.meta.dirname, '../../../..');
const PASSWORD = 'fuzz-密码-2026';

/** 周管家 holds 南山 until the server's restart, when an administrator takes it away. */
const ACCOUNTS: (Account & { tag: string })[] = [
  { tag: 'A', name: '李管家', role: 'steward', districts: ['光明'], password: PASSWORD },
  { tag: 'B', name: '王专员', role: 'officer', districts: ['光明'], password: PASSWORD },
  { tag: 'C', name: '赵专员', role: 'officer', districts: ['光明'], password: PASSWORD },
  { tag: 'D', name: '南山管家', role: 'steward', districts: ['南山'], password: PASSWORD },
  { tag: 'E', name: '周管家', role: 'steward', districts: ['光明', '南山'], password: PASSWORD },
];
const LOSES = { name: '周管家', keeps: ['光明'] as District[] };

// PGlite folders and SQLite files on tmpfs when it has room: the run is mostly their I/O.
const shm = (() => {
  try {
    const st = fs.statfsSync('/dev/shm');
    return st.bavail * st.bsize > 2 * 1024 ** 3;
  } catch {
    return false;
  }
})();
const tmp = (() => {
  const dir = fs.mkdtempSync(path.join(shm ? '/dev/shm' : os.tmpdir(), 'ipf-sync-fuzz-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
})();
let template: string;

beforeAll(async () => {
  template = path.join(tmp.dir, 'template');
  await prepareCentralFolder(template, ACCOUNTS);
}, 180_000);
afterAll(() => tmp.cleanup());

/** The central service process on one data folder: started, SIGKILLed, restarted. */
class Central {
  proc: CentralProcess | null = null;
  restarting: Promise<void> | null = null;
  kills = 0;
  constructor(
    readonly dir: string,
    private readonly proxy: FaultProxy,
  ) {}

  async start(): Promise<void> {
    this.proc = spawnCentral(['--port', '0', '--data', this.dir]);
    this.proxy.target = (await this.proc.url).replace(/\/$/, '');
  }

  /** SIGKILL now (whatever it is doing), then restart on the same folder, changing a user's districts meanwhile. */
  kill(trace: (s: string) => void): void {
    const proc = this.proc;
    if (!proc || this.restarting) return;
    this.kills++;
    this.proxy.target = null;
    try {
      process.kill(-proc.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    trace('server SIGKILLed');
    this.restarting = (async () => {
      await proc.exited;
      if (this.kills === 1) await setCentralDistricts(this.dir, LOSES.name, LOSES.keeps);
      await this.start();
      trace('server restarted');
      this.restarting = null;
    })();
  }

  async stop(): Promise<void> {
    while (this.restarting) await this.restarting;
    const proc = this.proc;
    if (!proc) return;
    this.proxy.target = null;
    process.kill(-proc.child.pid!, 'SIGTERM');
    const { code } = await proc.exited;
    if (code !== 0) throw new Error(`the central service stopped with ${code}: ${proc.stderr()}`);
  }
}

/**
 * `sync --db <file>` by the real CLI process, SIGKILLed at `killAt` (a kill meant for its push
 * comes at its pull when it has nothing to push), or left to finish when the kill comes too
 * late. Returns whether it was killed, and what went wrong if it ended on its own otherwise
 * than synced or offline.
 */
async function cliSync(
  r: Replica,
  taps: { cli: Tap },
  killAt: { phase: 'sent' | 'answered'; path: string; delay: number },
  trace: (s: string) => void,
): Promise<{ killed: boolean; problem: string | null }> {
  await r.idle();
  r.close();
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'sync', '--allow-removal', '--db', r.file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  let killed = false;
  const fire = (p: string) => {
    if (killed || !(p.startsWith(killAt.path) || (killAt.path === '/sync/push' && p.startsWith('/sync/pull')))) return;
    killed = true;
    setTimeout(() => child.kill('SIGKILL'), killAt.delay);
  };
  taps.cli = killAt.phase === 'sent' ? { sent: fire } : { answered: (p) => fire(p) };
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (c, s) => resolve({ code: c, signal: s })),
  );
  taps.cli = {};
  r.reopen();
  trace(`${r.tag} CLI sync ${signal ?? `exit ${code}`} (kill at ${killAt.phase} ${killAt.path} +${killAt.delay} ms) ${out.trim()}`);
  if (signal === 'SIGKILL') return { killed: true, problem: null };
  const json = (() => {
    try {
      return JSON.parse(out) as { error?: { code?: string } };
    } catch {
      return null;
    }
  })();
  if (code === 0 || (code === 1 && json?.error?.code === 'OFFLINE')) return { killed: false, problem: null };
  return { killed: false, problem: `${r.tag} CLI sync exit ${code}: ${out} ${err}` };
}

async function readServer(dir: string): Promise<ServerState & { districts: Map<string, string[]> }> {
  return withCentralFolder(dir, async (db) => {
    const records = (await db.query<ServerState['records'][number]>('SELECT entity, id, district, data, versions, deleted FROM records'))
      .rows;
    const audit = (
      await db.query<ServerState['audit'][number]>(
        'SELECT id, at::text AS at, device_id, mutation_id, mutation, entity, record_id, before, after FROM audit ORDER BY id',
      )
    ).rows.map((a) => ({ ...a, id: Number(a.id) }));
    const results = (
      await db.query<ServerState['results'][number]>('SELECT device_id, seq, mutation_id, status, result FROM mutation_results')
    ).rows.map((r) => ({ ...r, seq: Number(r.seq) }));
    const users = (await db.query<{ name: string; districts: string[] }>('SELECT name, districts FROM users')).rows;
    return { records, audit, results, districts: new Map(users.map((u) => [u.name, u.districts])) };
  });
}

async function runSeed(seed: number): Promise<void> {
  console.log(`sync fuzz seed ${seed}`);
  const started = Date.now();
  const rng: Rng = seeded(seed);
  const dir = path.join(tmp.dir, `seed-${seed}`);
  fs.cpSync(template, path.join(dir, 'central'), { recursive: true });
  const lines: string[] = [];
  const trace = (s: string) => lines.push(`${((Date.now() - started) / 1000).toFixed(2)} ${s}`);
  const proxy = new FaultProxy(seeded(seed ^ 0x5bd1e995));
  const proxyUrl = await proxy.start();
  const central = new Central(path.join(dir, 'central'), proxy);
  const replicas: Replica[] = [];
  const fresh: Replica[] = [];
  const problems: string[] = [];
  try {
    await central.start();
    for (const a of ACCOUNTS) {
      const r = new Replica(a.tag, path.join(dir, `${a.tag}.sqlite`), { ...a, districts: [...a.districts] }, trace);
      await r.signIn(proxyUrl);
      replicas.push(r);
    }
    let n = 0;
    const unique = () => `${seed % 1000}-${++n}`;
    const base = (seed % 9000) * 100;
    const pools: Pools = {
      uscc: Array.from({ length: 12 }, (_, k) => usccFor(base + k)),
      ipNumbers: Array.from({ length: 10 }, (_, k) => `TM${seed % 1000}X${k}`),
      batchNames: Array.from({ length: 3 }, (_, k) => `${seed % 1000}批次${k}`),
    };

    // A little of everything to start from, synced without faults.
    for (const r of replicas) for (let i = 0; i < 3; i++) r.randomEdit(rng, unique, pools);
    for (const r of replicas) await r.sync('once');
    for (const r of replicas) await r.sync('once');

    proxy.faultRate = 0.3;
    const killServerAt = rng.int(Math.floor(STEPS * 0.2), Math.floor(STEPS * 0.6));
    const cliAt = rng.int(Math.floor(STEPS * 0.3), Math.floor(STEPS * 0.8));
    let killArmed = false;
    let cliKills = 0;
    const killDelay = rng.int(0, 40);
    const taps: { server: Tap; cli: Tap } = {
      server: {
        sent: (p) => {
          if (!killArmed || !p.startsWith('/sync/push')) return;
          killArmed = false;
          setTimeout(() => central.kill(trace), killDelay);
        },
      },
      cli: {},
    };
    proxy.tap = {
      sent: (p) => (taps.server.sent?.(p), taps.cli.sent?.(p)),
      answered: (p, f) => (taps.server.answered?.(p, f), taps.cli.answered?.(p, f)),
    };
    for (let step = 0; step < STEPS; step++) {
      if (step === killServerAt) killArmed = true;
      if (step === cliAt) {
        const r = rng.pick(replicas);
        while (central.restarting) await central.restarting;
        const killAt = rng.pick([
          { phase: 'sent', path: '/sync/push' },
          { phase: 'answered', path: '/sync/push' },
          { phase: 'sent', path: '/sync/pull' },
          { phase: 'answered', path: '/sync/pull' },
        ] as const);
        // Something to push and something to pull for it.
        r.randomEdit(rng, unique, pools);
        for (const o of replicas) if (o !== r) o.randomEdit(rng, unique, pools);
        await Promise.all(replicas.filter((o) => o !== r).map((o) => o.sync('push')));
        const cli = await cliSync(r, taps, { ...killAt, delay: rng.int(0, 25) }, trace);
        if (cli.problem) problems.push(cli.problem);
        if (cli.killed) cliKills++;
        continue;
      }
      const r = rng.pick(replicas);
      const action = rng.weighted([
        ['edit', 10],
        ['sync', 5],
        ['sync-several', 1.5],
        ['wait', 1],
        ['settle-some', 0.5],
      ] as const);
      if (action === 'edit') r.randomEdit(rng, unique, pools);
      else if (action === 'sync' || action === 'sync-several') {
        const who = action === 'sync' ? [r] : replicas.filter(() => rng.chance(0.6));
        for (const o of who) {
          const kind = rng.weighted<SyncKind>([
            ['once', 6],
            ['push', 2],
            ['pull', 2],
          ]);
          void o.sync(kind, { pageSize: rng.pick([2, 5, 20, 2000]), allowMassRemoval: rng.chance(0.5) });
        }
      } else if (action === 'wait') await new Promise((resolve) => setTimeout(resolve, rng.int(1, 60)));
      else await Promise.all(replicas.map((o) => o.idle()));
    }

    // The kill waits for a push to reach the server: make sure one does.
    for (let tries = 0; killArmed && tries < 20; tries++) {
      const r = rng.pick(replicas);
      r.randomEdit(rng, unique, pools);
      await r.sync('push');
    }

    // Settle: faults off, the server up, everyone syncs until nothing moves.
    killArmed = false;
    proxy.tap = {};
    proxy.faultRate = 0;
    await Promise.all(replicas.map((o) => o.idle()));
    await proxy.drain();
    while (central.restarting) await central.restarting;
    trace(`settling; faults injected ${JSON.stringify(proxy.counts)}, server kills ${central.kills}`);
    for (let round = 0; round < 2; round++) for (const o of replicas) await o.sync('once', { allowMassRemoval: true });

    // Nothing more to push or pull.
    for (const o of replicas) {
      await o.sync('once', { allowMassRemoval: true });
      const r = o.lastReport;
      if (!r || r.pushed || r.pulled) problems.push(`${o.tag}: a sync after settling still moved something: ${JSON.stringify(r)}`);
    }

    // A fresh desktop of each user, pulled from scratch: what every desktop of that user must equal.
    for (const a of ACCOUNTS) {
      const f = new Replica(`${a.tag}'`, path.join(dir, `${a.tag}-fresh.sqlite`), { ...a }, trace);
      await f.signIn(proxyUrl);
      await f.sync('pull', { allowMassRemoval: true });
      fresh.push(f);
    }
    for (const o of [...replicas, ...fresh]) problems.push(...o.unexpected);
    await central.stop();
    const server = await readServer(central.dir);

    const notes = replicas.flatMap((o) => o.notes);
    for (const [i, o] of replicas.entries()) {
      const districts = server.districts.get(o.account.name)!;
      problems.push(...checkClean(o.tag, o.db));
      problems.push(...checkAgainstServer(o.tag, o.db, districts, server));
      problems.push(...checkAgainstServer(fresh[i]!.tag, fresh[i]!.db, districts, server));
      problems.push(...checkTables(o.tag, o.db, fresh[i]!.db));
    }
    problems.push(...checkAnswers(replicas, server));
    problems.push(...checkHistory(notes, server));

    const statuses = server.results.reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
    const faults = Object.values(proxy.counts).reduce((s, x) => s + x, 0);
    console.log(
      `sync fuzz seed ${seed}: ${notes.length} mutations ${JSON.stringify(statuses)}, ${faults} faults ${JSON.stringify(proxy.counts)}, ` +
        `${central.kills} server kill(s), ${cliKills} CLI kill(s), ${replicas.reduce((s, o) => s + o.offline.count, 0)} syncs offline, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // A run that injected nothing or applied nothing proves nothing.
    expect(faults, 'faults injected').toBeGreaterThan(0);
    expect(central.kills, 'server kills').toBe(1);
    expect(statuses.applied ?? 0, 'mutations applied').toBeGreaterThan(0);
  } catch (err) {
    console.log(lines.join('\n'));
    throw err;
  } finally {
    proxy.tap = {};
    for (const o of [...replicas, ...fresh]) {
      try {
        o.close();
      } catch {
        // Already closed.
      }
    }
    await central.stop().catch(() => undefined);
    await proxy.stop();
  }
  const distinct = [...new Set(problems)];
  const log = path.join(root, '.test-results', `sync-fuzz-${seed}.log`);
  if (problems.length || process.env.SYNC_FUZZ_LOG) {
    fs.mkdirSync(path.dirname(log), { recursive: true });
    fs.writeFileSync(log, `${lines.join('\n')}\n\n${distinct.join('\n')}\n`);
  }
  if (problems.length) {
    expect.fail(`seed ${seed}: ${distinct.length} problems (the run and all of them: ${log})\n${distinct.slice(0, 40).join('\n')}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

describe('sync under lost, repeated and reordered messages, killed server and client', () => {
  for (let s = 0; s < SEEDS; s++) {
    const seed = FIRST_SEED + s;
    it(`seed ${seed}`, () => runSeed(seed), 180_000);
  }
});
