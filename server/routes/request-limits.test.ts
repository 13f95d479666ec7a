import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/postgres';
import { addUser } from '../accounts';
import { buildServer } from '../app';
import type { Db } from '../db/types';
import { createLogger } from '../logger';

const PASSWORD = '光明管家的密码-2026';
const LIMIT = 1024 * 1024;

async function serve(db: Db) {
  const app = await buildServer({
    db,
    clock: () => new Date('2026-03-02T01:00:00Z'),
    logger: createLogger({ level: 'silent' }),
    bodyLimit: LIMIT,
    resourcesDir: path.resolve('resources'),
  });
  await addUser(db, { name: '张三', role: 'steward', districts: ['光明'], password: PASSWORD }, new Date('2026-03-01T00:00:00Z'));
  return app;
}

/** What a refused request might have left behind. */
const stored = async (db: Db) => ({
  sessions: (await db.query('SELECT 1 FROM sessions')).rows.length,
  attempts: (await db.query('SELECT 1 FROM login_attempts')).rows.length,
});

describeEachDb('requests the service refuses', (fresh) => {
  it('refuses a body over the limit with 413 and a Chinese message, and stores nothing', async () => {
    const db = await fresh();
    const app = await serve(db);
    const payload = JSON.stringify({ name: '张三', password: PASSWORD, deviceId: 'x'.repeat(LIMIT) });
    const res = await app.inject({ method: 'POST', url: '/auth/login', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大（上限 1 MB）' } });
    expect(await stored(db)).toEqual({ sessions: 0, attempts: 0 });
  });

  it('refuses an oversized body streamed over a real socket without a length, and stores nothing', async () => {
    const db = await fresh();
    const app = await serve(db);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const chunk = new TextEncoder().encode(`{"name":"张三","password":"${PASSWORD}","deviceId":"${'x'.repeat(LIMIT + 1024)}"}`);
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(chunk);
          controller.close();
        },
      });
      const res = await fetch(`${address}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大（上限 1 MB）' } });
    } finally {
      await app.close();
    }
    expect(await stored(db)).toEqual({ sessions: 0, attempts: 0 });
  });

  it('refuses malformed JSON and a body that is not JSON with 400 in Chinese, and stores nothing', async () => {
    const db = await fresh();
    const app = await serve(db);
    for (const [type, payload] of [
      ['application/json', `{"name":"张三","password":"${PASSWORD}"`],
      ['application/json', ''],
      ['text/plain', `name=张三&password=${PASSWORD}`],
    ]) {
      const res = await app.inject({ method: 'POST', url: '/auth/login', headers: { 'content-type': type! }, payload: payload! });
      expect(res.statusCode, `${type} ${payload}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.code).toBe('INVALID_INPUT');
      expect(res.json().error.message).toMatch(/^请求/);
    }
    expect(await stored(db)).toEqual({ sessions: 0, attempts: 0 });
  });

  it('answers an unknown route 404 in JSON', async () => {
    const db = await fresh();
    const app = await serve(db);
    for (const [method, url] of [
      ['GET', '/auth/nothing'],
      ['GET', '/auth/login'],
      ['DELETE', '/auth/me'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '没有这个接口' } });
    }
  });
});
