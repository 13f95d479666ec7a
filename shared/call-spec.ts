import type { z } from 'zod';

export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field carrying the result type; never set at run time. */
  readonly output?: O;
}

/** One call of the contract: its zod input schema, with the result type as a phantom. */
export function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });
}
