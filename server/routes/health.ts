import type { FastifyInstance } from 'fastify';

/** GET /health: the process answers and the database takes a query. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', async (_request, reply) => {
    try {
      await app.ctx.db.query('SELECT 1');
      return { status: 'ok', db: app.ctx.db.kind, time: app.ctx.clock().toISOString() };
    } catch {
      return reply.status(503).send({ status: 'unavailable', error: { code: 'DB_UNAVAILABLE', message: '数据库不可用' } });
    }
  });
}
