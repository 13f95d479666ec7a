/**
 * The one contract between the renderer and the main process. Each call is declared once:
 * its name, a zod schema for the input and the type of its result. The preload bridge, the
 * main-process IPC handlers, the harness HTTP routes and the renderer client are all derived
 * from this object, so adding a call never needs hand-written glue.
 */
import { z } from 'zod';
import type { IdResult } from './validators/identify';
import { LANGUAGES } from './settings';
import type { AppInfo, DbStatus, Settings } from './types';

export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field carrying the result type; never set at run time. */
  readonly output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });
}

const empty = z.object({}).strict();

export const contract = {
  appInfo: call<AppInfo>()(empty),
  databaseRetry: call<DbStatus>()(empty),
  idCheck: call<IdResult>()(z.object({ value: z.string().max(200) }).strict()),
  settingsGet: call<Settings>()(empty),
  settingsUpdate: call<Settings>()(
    z
      .object({
        language: z.enum(LANGUAGES).optional(),
        stewardName: z.string().trim().max(40).optional(),
      })
      .strict(),
  ),
  reportRendererError: call<{ logged: true; logFile: string }>()(
    z.object({ message: z.string().max(4000), stack: z.string().max(20000).optional() }).strict(),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends CallSpec<z.ZodType, infer O> ? O : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** IPC channel for one call; the preload and main process agree through this function. */
export const channelOf = (method: MethodName): string => `ipf:${method}`;
