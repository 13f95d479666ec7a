import type { FastifyInstance } from 'fastify';
import { healthRoutes } from './health';

/** Every route of the service, registered in one place. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
}
