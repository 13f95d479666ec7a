export interface CommandContext {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

export interface CommandOutcome {
  exitCode: number;
  /** Printed as JSON on stdout. */
  output: unknown;
  /** A bug's original error: its stack goes to stderr, never into the JSON. */
  cause?: unknown;
}

export interface Command {
  name: string;
  usage: string;
  run(ctx: CommandContext): CommandOutcome | Promise<CommandOutcome>;
}

export const usageError = (message: string): CommandOutcome => ({ exitCode: 2, output: { error: message } });
