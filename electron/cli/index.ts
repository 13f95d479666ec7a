import { runCli } from './run';

runCli(process.argv.slice(2)).then(
  ({ exitCode, output }) => {
    process.stdout.write(`${JSON.stringify(output)}\n`);
    process.exitCode = exitCode;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 3;
  },
);
