import type { FastifyInstance } from 'fastify';
import { requireUser } from '../accounts';
import { centralDashboard } from '../stats/dashboard';

/** POST /stats/dashboard: 统计看板 for a filter, over the user's districts. */
export async function statsRoutes(app: FastifyInstance): Promise<void> {
  app.post('/stats/dashboard', async (request) => {
    const user = await requireUser(request);
    return centralDashboard(app.ctx.db, user, request.body, app.ctx.clock().toISOString());
  });
}
