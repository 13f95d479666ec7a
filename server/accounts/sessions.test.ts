import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/postgres';
import type { Db } from '../db/types';
import { HttpError } from '../errors';
import { REFRESH_RETRY_MS } from './policy';
import { ACCESS_TTL_MS, REFRESH_TTL_MS, addUser, authenticate, login, logout, refresh, setDisabled, setDistricts } from '.';

const START = new Date('2026-03-02T01:00:00Z');
const PASSWORD = '光明管家的密码-2026';
const bearer = (token: string) => `Bearer ${token}`;

function clockAt(start = START) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/** The 401's reason, or a failure when the call went through. */
async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected a refusal').toBeInstanceOf(HttpError);
  const e = err as HttpError;
  expect(e.status).toBe(401);
  expect(e.code).toBe('UNAUTHORIZED');
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  return e.extra.reason as string;
}

async function seed(db: Db) {
  await addUser(db, { name: '张三', role: 'steward', districts: ['光明', '南山区'], password: PASSWORD }, START);
  await addUser(db, { name: '李四', role: 'officer', districts: ['福田'], password: `${PASSWORD}-李四` }, START);
}

describeEachDb('sessions', (fresh) => {
  it('signs in with a Chinese name and opens only the session user, read from the users table', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    const pair = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1', deviceId: 'laptop-1' }, c.now());
    expect(pair.user).toMatchObject({ name: '张三', role: 'steward', districts: ['南山', '光明'] });
    expect(pair.accessExpiresAt).toBe(new Date(START.getTime() + ACCESS_TTL_MS).toISOString());
    expect(pair.refreshExpiresAt).toBe(new Date(START.getTime() + REFRESH_TTL_MS).toISOString());
    expect(pair.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await authenticate(db, bearer(pair.accessToken), c.now())).toEqual(pair.user);

    // Only digests are stored: neither token appears anywhere in the sessions table.
    const dump = JSON.stringify((await db.query('SELECT * FROM sessions')).rows);
    expect(dump).not.toContain(pair.accessToken);
    expect(dump).not.toContain(pair.refreshToken);
    expect(dump).toContain('laptop-1');
  });

  it("gives each token its own user: 李四's token never opens 张三's session, a refresh token is no access token", async () => {
    const db = await fresh();
    await seed(db);
    const now = START;
    const zhang = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, now);
    const li = await login(db, { name: '李四', password: `${PASSWORD}-李四`, ip: '10.0.0.2' }, now);
    expect((await authenticate(db, bearer(li.accessToken), now)).name).toBe('李四');
    expect((await authenticate(db, bearer(zhang.accessToken), now)).name).toBe('张三');
    expect(await refusal(authenticate(db, bearer(zhang.refreshToken), now))).toBe('invalid');
    // Signing 李四 out leaves 张三 signed in.
    await logout(db, bearer(li.accessToken), now);
    expect(await refusal(authenticate(db, bearer(li.accessToken), now))).toBe('revoked');
    expect((await authenticate(db, bearer(zhang.accessToken), now)).name).toBe('张三');
  });

  it('refuses a missing, malformed or forged token', async () => {
    const db = await fresh();
    await seed(db);
    const now = START;
    const pair = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, now);
    expect(await refusal(authenticate(db, undefined, now))).toBe('missing');
    expect(await refusal(authenticate(db, '', now))).toBe('missing');
    expect(await refusal(authenticate(db, pair.accessToken, now))).toBe('invalid'); // no scheme
    expect(await refusal(authenticate(db, `Basic ${pair.accessToken}`, now))).toBe('invalid');
    expect(await refusal(authenticate(db, bearer(`${pair.accessToken}x`), now))).toBe('invalid');
    expect(await refusal(authenticate(db, bearer(randomBytes(32).toString('base64url')), now))).toBe('invalid');
    // One character changed: a well-formed token nobody issued.
    const flipped = pair.accessToken.slice(0, -1) + (pair.accessToken.endsWith('A') ? 'B' : 'A');
    expect(await refusal(authenticate(db, bearer(flipped), now))).toBe('invalid');
    expect(await refusal(refresh(db, 'not a token', now))).toBe('invalid');
    expect(await refusal(refresh(db, randomBytes(32).toString('base64url'), now))).toBe('invalid');
    // The scheme's case does not matter.
    expect((await authenticate(db, `bearer ${pair.accessToken}`, now)).name).toBe('张三');
  });

  it('expires the access token after an hour and the refresh token after 30 days', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    const pair = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    c.advance(ACCESS_TTL_MS - 1);
    expect((await authenticate(db, bearer(pair.accessToken), c.now())).name).toBe('张三');
    c.advance(1);
    expect(await refusal(authenticate(db, bearer(pair.accessToken), c.now()))).toBe('expired');
    // The refresh token still gives a new pair…
    const next = await refresh(db, pair.refreshToken, c.now());
    expect((await authenticate(db, bearer(next.accessToken), c.now())).name).toBe('张三');
    // …until it too has lived its 30 days.
    c.advance(REFRESH_TTL_MS);
    expect(await refusal(refresh(db, next.refreshToken, c.now()))).toBe('expired');
  });

  it('prunes pairs past their refresh expiry at the next sign-in, and keeps live and spent ones', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    const old = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    c.advance(REFRESH_TTL_MS / 2);
    const spent = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    await refresh(db, spent.refreshToken, c.now());
    c.advance(REFRESH_TTL_MS / 2 + 1);
    await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    expect((await db.query('SELECT id FROM sessions')).rows).toHaveLength(3);
    expect(await refusal(refresh(db, old.refreshToken, c.now()))).toBe('invalid');
    // The spent token of a live family is still recognised as spent.
    expect(await refusal(refresh(db, spent.refreshToken, c.now()))).toBe('reused');
  });

  it('rotates on refresh: the old pair stops working, the new one works', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    const first = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1', deviceId: 'laptop-1' }, c.now());
    c.advance(60_000);
    const second = await refresh(db, first.refreshToken, c.now());
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.name).toBe('张三');
    expect(second.accessExpiresAt).toBe(new Date(c.now().getTime() + ACCESS_TTL_MS).toISOString());
    expect(await refusal(authenticate(db, bearer(first.accessToken), c.now()))).toBe('revoked');
    expect((await authenticate(db, bearer(second.accessToken), c.now())).name).toBe('张三');
    const rows = await db.query<{ family_id: string; device_id: string }>('SELECT family_id, device_id FROM sessions');
    expect(new Set(rows.rows.map((r) => r.family_id)).size).toBe(1);
    expect(rows.rows.map((r) => r.device_id)).toEqual(['laptop-1', 'laptop-1']);
  });

  it('treats a spent refresh token presented again as theft: the whole family is revoked, the newer pair too', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    const first = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    const otherDevice = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.9' }, c.now());
    const second = await refresh(db, first.refreshToken, c.now()); // the thief, say
    const third = await refresh(db, second.refreshToken, c.now());
    // The victim's client still holds the first refresh token and presents it.
    expect(await refusal(refresh(db, first.refreshToken, c.now()))).toBe('reused');
    expect(await refusal(authenticate(db, bearer(third.accessToken), c.now()))).toBe('revoked');
    expect(await refusal(refresh(db, third.refreshToken, c.now()))).toBe('revoked');
    // Another sign-in of the same user (another family) is untouched.
    expect((await authenticate(db, bearer(otherDevice.accessToken), c.now())).name).toBe('张三');
  });

  it('answers a refresh asked again with its request id after the answer was lost: a new pair, the lost one revoked', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    const first = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    const id = 'refresh-0123456789abcdef';
    const lost = await refresh(db, first.refreshToken, c.now(), id); // the answer never reached the desktop
    c.advance(10 * 60_000);
    const again = await refresh(db, first.refreshToken, c.now(), id);
    expect((await authenticate(db, bearer(again.accessToken), c.now())).name).toBe('张三');
    expect(await refusal(authenticate(db, bearer(lost.accessToken), c.now()))).toBe('revoked');
    expect(await refusal(refresh(db, lost.refreshToken, c.now()))).toBe('revoked');
    // The new pair rotates as usual.
    const next = await refresh(db, again.refreshToken, c.now(), 'refresh-fedcba9876543210');
    expect((await authenticate(db, bearer(next.accessToken), c.now())).name).toBe('张三');
    // The id is used up: the same retry again is theft, and the family goes.
    expect(await refusal(refresh(db, first.refreshToken, c.now(), id))).toBe('reused');
    expect(await refusal(authenticate(db, bearer(next.accessToken), c.now()))).toBe('revoked');
  });

  it('takes a retry as theft once the lost pair was refreshed itself, or after the retry window', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    const id = 'refresh-0123456789abcdef';
    const a = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    const stolen = await refresh(db, a.refreshToken, c.now(), id);
    await refresh(db, stolen.refreshToken, c.now()); // whoever holds the "lost" pair used it
    expect(await refusal(refresh(db, a.refreshToken, c.now(), id))).toBe('reused');
    const b = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    await refresh(db, b.refreshToken, c.now(), id);
    c.advance(REFRESH_RETRY_MS + 1);
    expect(await refusal(refresh(db, b.refreshToken, c.now(), id))).toBe('reused');
  });

  it('still takes the spent token with another request id, or none, as theft', async () => {
    const db = await fresh();
    await seed(db);
    const c = clockAt();
    const first = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    const second = await refresh(db, first.refreshToken, c.now(), 'refresh-0123456789abcdef');
    expect(await refusal(refresh(db, first.refreshToken, c.now(), 'refresh-another-id-00000'))).toBe('reused');
    expect(await refusal(authenticate(db, bearer(second.accessToken), c.now()))).toBe('revoked');
    const other = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, c.now());
    await refresh(db, other.refreshToken, c.now(), 'refresh-0123456789abcdef');
    expect(await refusal(refresh(db, other.refreshToken, c.now()))).toBe('reused');
  });

  it('lets exactly one of two simultaneous refreshes of one token through, and then revokes the family', async () => {
    const db = await fresh();
    await seed(db);
    const pair = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, START);
    const results = await Promise.allSettled([refresh(db, pair.refreshToken, START), refresh(db, pair.refreshToken, START)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as HttpError).extra.reason).toBe('reused');
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof refresh>>>).value;
    expect(await refusal(authenticate(db, bearer(winner.accessToken), START))).toBe('revoked');
  });

  it('signs out the whole device: after logout neither token of the pair works', async () => {
    const db = await fresh();
    await seed(db);
    const pair = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, START);
    await logout(db, bearer(pair.accessToken), START);
    expect(await refusal(authenticate(db, bearer(pair.accessToken), START))).toBe('revoked');
    expect(await refusal(refresh(db, pair.refreshToken, START))).toBe('revoked');
    expect(await refusal(logout(db, bearer(pair.accessToken), START))).toBe('revoked');
  });

  it('refuses a disabled user at once, even with a live session, and refuses the refresh', async () => {
    const db = await fresh();
    await seed(db);
    const pair = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, START);
    // The flag alone (as another process or a manual fix might leave it) is enough.
    await db.query("UPDATE users SET disabled = true WHERE name = '张三'");
    expect(await refusal(authenticate(db, bearer(pair.accessToken), START))).toBe('disabled');
    expect(await refusal(refresh(db, pair.refreshToken, START))).toBe('disabled');
    // Disabling through the repository also revokes the sessions.
    await db.query("UPDATE users SET disabled = false WHERE name = '张三'");
    await setDisabled(db, '张三', true, START);
    expect(await refusal(authenticate(db, bearer(pair.accessToken), START))).toBe('revoked');
  });

  it('applies a change of districts to the next request of a live session', async () => {
    const db = await fresh();
    await seed(db);
    const pair = await login(db, { name: '张三', password: PASSWORD, ip: '10.0.0.1' }, START);
    expect((await authenticate(db, bearer(pair.accessToken), START)).districts).toEqual(['南山', '光明']);
    await setDistricts(db, '张三', ['宝安'], START);
    expect((await authenticate(db, bearer(pair.accessToken), START)).districts).toEqual(['宝安']);
  });
});
