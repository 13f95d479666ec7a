import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth';
import { healthRoutes } from './health';
import { statsRoutes } from './stats';
import { syncRoutes } from './sync';

/** Every route of the service, registered in one place. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(syncRoutes);
  await app.register(statsRoutes);
}
