import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, refreshRequestSchema } from '../../shared/sync/auth';
import { login, logout, refresh, requireUser } from '../accounts';
import { HttpError } from '../errors';

/** Sign-in, token refresh, sign-out and "who am I"; bodies are checked with the shared schemas. */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.ctx;

  app.post('/auth/login', async (request, reply) => {
    const body = loginRequestSchema.parse(request.body);
    try {
      return await login(db, { ...body, ip: request.ip }, clock());
    } catch (err) {
      if (err instanceof HttpError && typeof err.extra.retryAfterSeconds === 'number')
        reply.header('retry-after', err.extra.retryAfterSeconds);
      throw err;
    }
  });

  app.post('/auth/refresh', async (request) => {
    const { refreshToken, requestId } = refreshRequestSchema.parse(request.body);
    return refresh(db, refreshToken, clock(), requestId);
  });

  app.post('/auth/logout', async (request, reply) => {
    await logout(db, request.headers.authorization, clock());
    return reply.status(204).send();
  });

  app.get('/auth/me', async (request) => requireUser(request));
}
