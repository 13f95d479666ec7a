import { PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION } from '../shared/sync/protocol';
/**
 * Builds the central service from explicit parts: the database, a clock and a logger come in,
 * every route is registered here. Nothing a second process would need is kept in memory, so
 * several processes on one PostgreSQL serve the same clients.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { z } from 'zod';
import '../shared/zod-locale';
import type { Db } from './db/types';
import { HttpError } from './errors';
import { registerRoutes } from './routes';

export interface ServerDeps {
  db: Db;
  /** Injected so tests can move time (token expiry, lockouts, tombstone horizons). */
  clock: () => Date;
  logger: FastifyBaseLogger;
  /** Largest request body in bytes (a push batch); bigger is refused with 413. */
  bodyLimit?: number;
  /** Folder of resources/ (subsidy policies, bank products) the shared checks need. */
  resourcesDir: string;
  /**
   * The proxies in front of the service (their addresses, or true for any): only then is the
   * client address taken from X-Forwarded-For. Off by default, so a client cannot choose the
   * address the login limits count.
   */
  trustProxy?: boolean | string | string[];
}

export type AppContext = Required<ServerDeps>;

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const ctx: AppContext = { bodyLimit: DEFAULT_BODY_LIMIT, trustProxy: false, ...deps };
  const app = Fastify({ loggerInstance: ctx.logger, bodyLimit: ctx.bodyLimit, trustProxy: ctx.trustProxy });
  app.decorate('ctx', ctx);
  // Every answer says which records this server knows, so a newer desktop holds what it cannot take.
  app.addHook('onSend', async (_request, reply) => {
    reply.header(PROTOCOL_HEADER, String(PROTOCOL_VERSION)).header(SCHEMA_HEADER, String(SCHEMA_VERSION));
  });
  app.setErrorHandler((err, request, reply) => {
    if (err instanceof HttpError) return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...err.extra } });
    if (err instanceof z.ZodError) {
      const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.status(400).send({
        error: {
          code: 'INVALID_INPUT',
          message: `请求内容不正确：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')}`,
          issues,
        },
      });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413)
      return reply
        .status(413)
        .send({ error: { code: 'PAYLOAD_TOO_LARGE', message: `请求内容过大（上限 ${Math.round(ctx.bodyLimit / 1024 / 1024)} MB）` } });
    if (status && status >= 400 && status < 500)
      return reply.status(status).send({ error: { code: 'INVALID_INPUT', message: '请求格式不正确（应为 JSON）' } });
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务端发生意外错误，操作未完成。' } });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: '没有这个接口' } }));
  await registerRoutes(app);
  return app;
}
