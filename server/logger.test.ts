import path from 'node:path';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { describeEachDb } from '../test/support/postgres';
import { addUser } from './accounts';
import { buildServer } from './app';
import { REDACTED, createLogger, scrub } from './logger';

/** A log destination that keeps every line, as a file or a collector would receive it. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, text: () => lines.join('\n'), lines };
}

const PASSWORD = '光明管家的密码-2026';

it('scrubs secrets at any depth, Bearer credentials inside text and token parameters of URLs', () => {
  const out = capture();
  const log = createLogger({ level: 'info', destination: out.stream });
  log.info(
    {
      req: { headers: { authorization: 'Bearer abc.DEF-123', cookie: 'sid=s3cr3t', 'set-cookie': ['a=1', 'b=2'] } },
      body: { name: '张三', password: 'pa"ss\\word', deep: { list: [{ refreshToken: 'rt-1', accessToken: 'at-1', newPassword: 'np-1' }] } },
      url: '/x?access_token=at-2&page=1',
      note: 'header was Bearer zzz-999, oops',
      payload: JSON.stringify({ accessToken: 'at-3', password: 'p"w\\3', user: { name: '张三' } }),
      stray: `token ${'x'.repeat(43)} in text`,
      tokenCount: 3,
    },
    'dump',
  );
  const text = out.text();
  for (const secret of [
    'abc.DEF-123',
    's3cr3t',
    'a=1',
    'b=2',
    'pa\\"ss',
    'rt-1',
    'at-1',
    'np-1',
    'at-2',
    'zzz-999',
    'at-3',
    'p\\\\\\"w',
    'x'.repeat(43),
  ])
    expect(text).not.toContain(secret);
  const line = JSON.parse(out.lines[0]!);
  expect(line.req.headers).toEqual({ authorization: REDACTED, cookie: REDACTED, 'set-cookie': REDACTED });
  expect(line.body).toEqual({
    name: '张三',
    password: REDACTED,
    deep: { list: [{ refreshToken: REDACTED, accessToken: REDACTED, newPassword: REDACTED }] },
  });
  expect(line.url).toBe(`/x?access_token=${REDACTED}&page=1`);
  expect(line.note).toBe(`header was Bearer ${REDACTED}, oops`);
  expect(JSON.parse(line.payload)).toEqual({ accessToken: REDACTED, password: REDACTED, user: { name: '张三' } });
  expect(line.stray).toBe(`token ${REDACTED} in text`);
  expect(line.tokenCount).toBe(3);
  expect(scrub('{"msg":"nothing secret"}')).toBe('{"msg":"nothing secret"}');
});

describeEachDb('the service log', (fresh) => {
  it('holds no password or token after a login, a refresh, a failed login and a logout, even with headers and bodies logged', async () => {
    const db = await fresh();
    const out = capture();
    const app = await buildServer({
      db,
      clock: () => new Date('2026-03-02T01:00:00Z'),
      logger: createLogger({ level: 'trace', destination: out.stream }),
      resourcesDir: path.resolve('resources'),
    });
    // What a careless debugging hook would do: every request's headers and body into the log.
    app.addHook('preHandler', async (request) => request.log.info({ headers: request.headers, body: request.body }, 'request dump'));
    app.addHook('onSend', async (request, _reply, payload) => request.log.info({ payload }, 'response dump'));
    await addUser(db, { name: '张三', role: 'steward', districts: ['光明'], password: PASSWORD }, new Date('2026-03-01T00:00:00Z'));

    const login = await app.inject({ method: 'POST', url: '/auth/login', payload: { name: '张三', password: PASSWORD } });
    const pair = login.json();
    const refreshed = (await app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } })).json();
    const failed = await app.inject({ method: 'POST', url: '/auth/login', payload: { name: '张三', password: '猜的密码-123456' } });
    expect(failed.statusCode).toBe(401);
    await app.inject({
      method: 'GET',
      url: '/auth/me',
      headers: { authorization: `Bearer ${refreshed.accessToken}`, cookie: 'sid=cookie-secret' },
    });
    await app.inject({ method: 'POST', url: '/auth/logout', headers: { authorization: `Bearer ${refreshed.accessToken}` } });
    await app.close();

    const text = out.text();
    expect(text).toContain('request dump');
    expect(text).toContain('incoming request');
    expect(text).toContain(REDACTED);
    for (const secret of [
      PASSWORD,
      '猜的密码-123456',
      pair.accessToken,
      pair.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
      'cookie-secret',
    ])
      expect(text).not.toContain(secret);
  });
});
