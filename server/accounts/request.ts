import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '../../shared/sync/roles';
import { authenticate } from './sessions';

/** The signed-in user of a request, or 401: every authenticated route starts with this. */
export const requireUser = (request: FastifyRequest): Promise<SessionUser> =>
  authenticate(request.server.ctx.db, request.headers.authorization, request.server.ctx.clock());
