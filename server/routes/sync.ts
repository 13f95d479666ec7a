import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  COMPLETE_HEADER,
  CURSOR_HEADER,
  MIN_PROTOCOL_VERSION,
  MIN_SCHEMA_VERSION,
  PROTOCOL_HEADER,
  SCHEMA_HEADER,
  TOTAL_HEADER,
} from '../../shared/sync/protocol';
import { requireUser } from '../accounts';
import { HttpError } from '../errors';
import { pull } from '../sync/pull';
import { push } from '../sync/push';

/** A client too old for this server is told so, in Chinese, before anything is read or written. */
function checkVersions(request: FastifyRequest): void {
  const protocol = Number(request.headers[PROTOCOL_HEADER]);
  const schema = Number(request.headers[SCHEMA_HEADER]);
  if (!Number.isInteger(protocol) || !Number.isInteger(schema)) {
    throw new HttpError(400, 'INVALID_INPUT', `请求缺少协议版本（${PROTOCOL_HEADER}、${SCHEMA_HEADER}）`);
  }
  if (protocol < MIN_PROTOCOL_VERSION || schema < MIN_SCHEMA_VERSION) {
    throw new HttpError(
      426,
      'CLIENT_TOO_OLD',
      '知融工作台版本过旧，中心服务已不再接受其同步请求：请升级到最新版本。本机未同步的修改都已保留，升级后会继续同步。',
      {
        minProtocol: MIN_PROTOCOL_VERSION,
        minSchema: MIN_SCHEMA_VERSION,
      },
    );
  }
}

/** POST /sync/push (a batch of mutations) and GET /sync/pull (a page of changes). */
export async function syncRoutes(app: FastifyInstance): Promise<void> {
  app.post('/sync/push', async (request) => {
    checkVersions(request);
    const user = await requireUser(request);
    return push({ db: app.ctx.db, clock: app.ctx.clock, resourcesDir: app.ctx.resourcesDir }, user, request.body);
  });
  app.get('/sync/pull', async (request, reply) => {
    checkVersions(request);
    const user = await requireUser(request);
    const page = await pull(app.ctx.db, user, request.query);
    if (page.total !== undefined) reply.header(TOTAL_HEADER, String(page.total));
    return reply
      .type('application/json; charset=utf-8')
      .header(CURSOR_HEADER, page.cursor)
      .header(COMPLETE_HEADER, page.complete ? '1' : '0')
      .send(page.body);
  });
}
