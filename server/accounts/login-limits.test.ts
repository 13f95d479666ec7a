import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/postgres';
import type { Db } from '../db/types';
import { HttpError } from '../errors';
import { LOGIN_LIMITS, addUser, login, setDisabled } from '.';

const START = new Date('2026-03-02T01:00:00Z');
const PASSWORD = '光明管家的密码-2026';
const MINUTE = 60_000;

function clockAt(start = START) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/** The refusal of a sign-in, as the client would see it. */
async function attempt(db: Db, name: string, password: string, now: Date, ip = '10.0.0.1') {
  try {
    await login(db, { name, password, ip }, now);
    return { status: 200, code: 'OK', message: '' };
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    return { status: err.status, code: err.code, message: err.message, extra: err.extra };
  }
}

const wrong = (db: Db, now: Date, name = '张三', ip = '10.0.0.1') => attempt(db, name, '不对的密码', now, ip);

async function seed(db: Db) {
  await addUser(db, { name: '张三', role: 'steward', districts: ['光明'], password: PASSWORD }, START);
}

describeEachDb('sign-in limits', (fresh) => {
  it('answers an unknown name and a wrong password alike', async () => {
    const db = await fresh();
    await seed(db);
    const a = await wrong(db, START, '张三');
    const b = await wrong(db, START, '王五');
    expect(a).toEqual({ status: 401, code: 'UNAUTHORIZED', message: '用户名或密码错误', extra: { reason: 'credentials' } });
    expect(b).toEqual(a);
  });

  it('spends the same argon2 work on an unknown name as on a wrong password', async () => {
    const db = await fresh();
    await seed(db);
    const time = async (name: string, ip: string) => {
      const t0 = performance.now();
      await wrong(db, START, name, ip);
      return performance.now() - t0;
    };
    await time('王五', '10.0.9.9'); // warms the dummy hash
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time('张三', `10.1.0.${i}`));
      unknown.push(await time(`不存在的人${i}`, `10.2.0.${i}`));
    }
    // Skipping argon2 would make the unknown name 10–50× faster; a loaded machine stays well inside this.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  it(`limits a burst to ${LOGIN_LIMITS.perName} failures per name per window, unknown names too, and says how long to wait`, async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    for (const name of ['张三', '王五']) {
      for (let i = 0; i < LOGIN_LIMITS.perName; i++) expect((await wrong(db, c.now(), name, `10.0.${i}.1`)).status).toBe(401);
    }
    c.advance(5 * MINUTE);
    const limited = await wrong(db, c.now(), '张三', '10.9.9.9');
    expect(limited).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: '登录尝试过于频繁，请 10 分钟后再试' });
    expect(limited.extra).toEqual({ retryAfterSeconds: 600 });
    // The right password is not even checked while limited, and an unknown name gets the same answer.
    expect(await attempt(db, '张三', PASSWORD, c.now(), '10.9.9.9')).toMatchObject({ status: 429 });
    expect(await wrong(db, c.now(), '王五', '10.9.9.9')).toMatchObject(limited);
    // Another name from the same address is not held back by 张三's count.
    await addUser(db, { name: '李四', role: 'officer', districts: ['福田'], password: PASSWORD }, START);
    expect((await attempt(db, '李四', PASSWORD, c.now(), '10.9.9.9')).status).toBe(200);
    // Once the window has passed over the failures, the right password works.
    c.advance(10 * MINUTE);
    expect((await attempt(db, '张三', PASSWORD, c.now())).status).toBe(200);
  });

  it(`limits one address to ${LOGIN_LIMITS.perIp} failures across names`, async () => {
    const db = await fresh();
    await seed(db);
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) expect((await wrong(db, START, `猜的名字${i}`, '10.6.6.6')).status).toBe(401);
    expect(await attempt(db, '张三', PASSWORD, START, '10.6.6.6')).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await attempt(db, '张三', PASSWORD, START, '10.7.7.7')).status).toBe(200);
    // A success from the address does not clear its count (one valid account must not reset a guesser).
    expect(await wrong(db, START, '另一个名字', '10.6.6.6')).toMatchObject({ status: 429 });
  });

  it('holds a simultaneous burst to the limit, however the attempts interleave', async () => {
    const db = await fresh();
    await seed(db);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => wrong(db, START, '张三', `10.3.0.${i}`)));
    expect(results.filter((r) => r.status === 401)).toHaveLength(LOGIN_LIMITS.perName);
    expect(results.filter((r) => r.status === 429)).toHaveLength(12 - LOGIN_LIMITS.perName);
  });

  it(`locks the account after ${LOGIN_LIMITS.lockAfter} consecutive failures, for 30 minutes, then lets the right password in`, async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    const failures: { status: number; code: string; message: string }[] = [];
    // Two windows' worth of guesses: the limit lets five through in each.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LOGIN_LIMITS.perName; i++) failures.push(await wrong(db, c.now()));
      expect((await wrong(db, c.now())).status).toBe(round === 0 ? 429 : 423);
      c.advance(LOGIN_LIMITS.windowMs);
    }
    expect(failures.slice(0, 9).every((f) => f.status === 401)).toBe(true);
    expect(failures[9]).toMatchObject({
      status: 423,
      code: 'ACCOUNT_LOCKED',
      message: '密码连续错误 10 次，账号已锁定，请 30 分钟后再试，或联系系统管理员解锁',
    });
    // 15 minutes later: still locked, the right password included, and the count says so.
    expect(await attempt(db, '张三', PASSWORD, c.now())).toMatchObject({
      status: 423,
      message: expect.stringContaining('请 15 分钟后再试'),
    });
    c.advance(15 * MINUTE - 1);
    expect((await attempt(db, '张三', PASSWORD, c.now())).status).toBe(423);
    c.advance(1);
    expect((await attempt(db, '张三', PASSWORD, c.now())).status).toBe(200);
    const row = await db.query<{ failed_count: number; locked_until: Date | null }>(
      "SELECT failed_count, locked_until FROM users WHERE name = '张三'",
    );
    expect(row.rows[0]).toEqual({ failed_count: 0, locked_until: null });
  });

  it('starts both counts again after a success', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    // 4 failures, a success, then 5 more failures are all let through and answered 401…
    for (let i = 0; i < 4; i++) expect((await wrong(db, c.now())).status).toBe(401);
    expect((await attempt(db, '张三', PASSWORD, c.now())).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await wrong(db, c.now())).status).toBe(401);
    // …and 9 consecutive failures with a success between never lock.
    c.advance(LOGIN_LIMITS.windowMs);
    for (let i = 0; i < 4; i++) expect((await wrong(db, c.now())).status).toBe(401);
    const row = await db.query<{ failed_count: number }>("SELECT failed_count FROM users WHERE name = '张三'");
    expect(row.rows[0]!.failed_count).toBe(9);
    expect((await attempt(db, '张三', PASSWORD, c.now())).status).toBe(200);
    c.advance(LOGIN_LIMITS.windowMs);
    for (let i = 0; i < 5; i++) expect((await wrong(db, c.now())).status).toBe(401);
    expect((await db.query<{ failed_count: number }>("SELECT failed_count FROM users WHERE name = '张三'")).rows[0]!.failed_count).toBe(5);
  });

  it('lets the administrator lift a lockout by enabling the account', async () => {
    const db = await fresh();
    await seed(db);
    await db.query("UPDATE users SET locked_until = $1 WHERE name = '张三'", [new Date(START.getTime() + 30 * MINUTE)]);
    expect((await attempt(db, '张三', PASSWORD, START)).status).toBe(423);
    await setDisabled(db, '张三', false, START);
    expect((await attempt(db, '张三', PASSWORD, START)).status).toBe(200);
  });

  it('refuses a disabled account only once the password is right, so the state tells a guesser nothing', async () => {
    const db = await fresh();
    await seed(db);
    await setDisabled(db, '张三', true, START);
    expect(await wrong(db, START)).toMatchObject({ status: 401, message: '用户名或密码错误' });
    expect(await attempt(db, '张三', PASSWORD, START)).toEqual({
      status: 423,
      code: 'ACCOUNT_LOCKED',
      message: '账号已停用，请联系系统管理员',
      extra: {},
    });
  });

  it('matches the name as typed at creation, full-width and Latin case folded', async () => {
    const db = await fresh();
    await addUser(db, { name: 'Zhang Wei', role: 'trainer', password: PASSWORD }, START);
    expect((await attempt(db, 'zhang wei', PASSWORD, START)).status).toBe(200);
    expect((await attempt(db, 'ＺＨＡＮＧ　ＷＥＩ'.normalize('NFKC'), PASSWORD, START)).status).toBe(200);
  });

  it('prunes attempts older than a day', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    await wrong(db, c.now());
    c.advance(LOGIN_LIMITS.keepMs + 1);
    await wrong(db, c.now());
    expect((await db.query('SELECT 1 FROM login_attempts')).rows).toHaveLength(1);
  });
});
