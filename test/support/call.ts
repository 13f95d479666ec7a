import type { Runtime } from '../../electron/services/runtime';

/** Calls the runtime's dispatcher as a renderer would, throwing the Chinese message on failure. */
export function caller(rt: () => Runtime) {
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await rt().dispatch(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
}

/** Polls a background job like the renderer does until it stops, recording the progress seen. */
export async function finishJob<J extends { id: string; state: string; done: number }>(
  call: ReturnType<typeof caller>,
  job: J,
): Promise<{ final: J; seen: number[] }> {
  const seen: number[] = [];
  for (;;) {
    const s = await call<J>('jobStatus', { id: job.id });
    seen.push(s.done);
    if (s.state !== 'running') return { final: s, seen };
    await new Promise((r) => setTimeout(r, 20));
  }
}
