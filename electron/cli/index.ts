import { runCli } from './run';

/** stdout is always one JSON document; stacks (bugs only) go to stderr. */
const stackOf = (err: unknown) => (err instanceof Error ? (err.stack ?? err.message) : String(err));

runCli(process.argv.slice(2)).then(
  ({ exitCode, output, cause }) => {
    if (cause !== undefined) process.stderr.write(`${stackOf(cause)}\n`);
    process.stdout.write(`${JSON.stringify(output)}\n`);
    process.exitCode = exitCode;
  },
  (err: unknown) => {
    process.stderr.write(`${stackOf(err)}\n`);
    process.stdout.write(
      `${JSON.stringify({ error: { code: 'INTERNAL', message: '命令行工具内部错误，命令未完成。详情已输出到标准错误（stderr）。' } })}\n`,
    );
    process.exitCode = 3;
  },
);
