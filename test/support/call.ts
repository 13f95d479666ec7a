import type { Runtime } from '../../electron/services/runtime';

/** Calls the runtime's dispatcher as a renderer would, throwing the Chinese message on failure. */
export function caller(rt: () => Runtime) {
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await rt().dispatch(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
}
