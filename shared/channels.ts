/**
 * The IPC channel of each call. Kept apart from the contract (and its zod schemas) so the
 * sandboxed preload can use it without carrying them.
 */
export const channelOf = (method: string): string => `ipf:${method}`;
