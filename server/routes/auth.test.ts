import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { tokenPairSchema, type TokenPair } from '../../shared/sync/auth';
import { describeEachDb } from '../../test/support/postgres';
import { ACCESS_TTL_MS, addUser, setDistricts } from '../accounts';
import { buildServer } from '../app';
import type { Db } from '../db/types';
import { createLogger } from '../logger';

const START = new Date('2026-03-02T01:00:00Z');
const PASSWORD = '光明管家的密码-2026';

async function serve(db: Db) {
  let t = START.getTime();
  const app = await buildServer({
    db,
    clock: () => new Date(t),
    logger: createLogger({ level: 'silent' }),
    resourcesDir: path.resolve('resources'),
  });
  await addUser(db, { name: '张三', role: 'steward', districts: ['光明', '南山'], password: PASSWORD }, START);
  return { app, advance: (ms: number) => void (t += ms) };
}

const signIn = async (app: FastifyInstance, name = '张三', password = PASSWORD) => {
  const res = await app.inject({ method: 'POST', url: '/auth/login', payload: { name, password, deviceId: 'laptop-1' } });
  expect(res.statusCode, res.body).toBe(200);
  return tokenPairSchema.parse(res.json()) as TokenPair;
};
const me = (app: FastifyInstance, token: string) =>
  app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: `Bearer ${token}` } });

describeEachDb('the /auth routes', (fresh) => {
  it('signs in, answers /auth/me with the session user, refreshes and signs out', async () => {
    const db = await fresh();
    const { app, advance } = await serve(db);
    const pair = await signIn(app);
    expect(pair.user).toMatchObject({ name: '张三', role: 'steward', districts: ['南山', '光明'] });
    expect((await me(app, pair.accessToken)).json()).toEqual(pair.user);

    advance(ACCESS_TTL_MS);
    const expired = await me(app, pair.accessToken);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: '登录已过期，请重新登录', reason: 'expired' } });

    const refreshed = await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(refreshed.statusCode).toBe(200);
    const next = tokenPairSchema.parse(refreshed.json());
    expect((await me(app, next.accessToken)).statusCode).toBe(200);

    const again = await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.reason).toBe('reused');
    expect((await me(app, next.accessToken)).statusCode).toBe(401);

    const other = await signIn(app);
    const out = await app.inject({ method: 'POST', url: '/auth/logout', headers: { authorization: `Bearer ${other.accessToken}` } });
    expect(out.statusCode).toBe(204);
    expect((await me(app, other.accessToken)).json().error.reason).toBe('revoked');
  });

  it('refuses a request without a token, with a forged one, and a logout without one', async () => {
    const db = await fresh();
    const { app } = await serve(db);
    const none = await app.inject({ method: 'GET', url: '/auth/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: '请先登录（请求未携带登录令牌）', reason: 'missing' } });
    expect((await me(app, 'A'.repeat(43))).json().error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'invalid' });
    expect((await app.inject({ method: 'POST', url: '/auth/logout' })).statusCode).toBe(401);
  });

  it('applies a change of districts to the very next request', async () => {
    const db = await fresh();
    const { app } = await serve(db);
    const pair = await signIn(app);
    await setDistricts(db, '张三', ['宝安'], START);
    expect((await me(app, pair.accessToken)).json().districts).toEqual(['宝安']);
  });

  it('checks bodies with the shared schemas, in Chinese', async () => {
    const db = await fresh();
    const { app } = await serve(db);
    const res = await app.inject({ method: 'POST', url: '/auth/login', payload: { name: '', password: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', message: '请求内容不正确：name：请输入用户名；password：请输入密码' });
    const noBody = await app.inject({ method: 'POST', url: '/auth/refresh' });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().error.code).toBe('INVALID_INPUT');
    expect(noBody.json().error.message).toMatch(/^请求内容不正确/);
    expect((await db.query('SELECT 1 FROM login_attempts')).rows).toHaveLength(0);
  });

  it('answers a wrong password 401 and, past the limit, 429 with Retry-After', async () => {
    const db = await fresh();
    const { app } = await serve(db);
    const attempt = () => app.inject({ method: 'POST', url: '/auth/login', payload: { name: '张三', password: '不对的密码' } });
    for (let i = 0; i < 5; i++)
      expect((await attempt()).json()).toEqual({ error: { code: 'UNAUTHORIZED', message: '用户名或密码错误', reason: 'credentials' } });
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('900');
    expect(limited.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请 15 分钟后再试', retryAfterSeconds: 900 },
    });
  });

  it('keeps nothing in the process: a session opened through one server instance works through another', async () => {
    const db = await fresh();
    const a = await serve(db);
    const b = await buildServer({
      db,
      clock: () => START,
      logger: createLogger({ level: 'silent' }),
      resourcesDir: path.resolve('resources'),
    });
    const pair = await signIn(a.app);
    expect((await me(b, pair.accessToken)).json().name).toBe('张三');
    const refreshed = await b.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(refreshed.statusCode).toBe(200);
    // The spent token is recognised by the other instance too.
    expect(
      (await a.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } })).json().error.reason,
    ).toBe('reused');
    // And the rate limit counts across both.
    for (let i = 0; i < 5; i++)
      await (i % 2 ? a.app : b).inject({ method: 'POST', url: '/auth/login', payload: { name: '张三', password: '不对的密码' } });
    expect((await a.app.inject({ method: 'POST', url: '/auth/login', payload: { name: '张三', password: PASSWORD } })).statusCode).toBe(
      429,
    );
  });
});
