import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  readonly file: string;
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

export interface LoggerOptions {
  file: string;
  /** Rotate when the file would grow past this many bytes. */
  maxBytes?: number;
  /** How many rotated files (app.1.log … app.N.log) to keep. */
  keep?: number;
  echo?: boolean;
}

function describe(extra: unknown): string {
  if (extra === undefined) return '';
  if (extra instanceof Error) return ` ${extra.stack ?? extra.message}`;
  try {
    return ` ${JSON.stringify(extra)}`;
  } catch {
    return ` ${String(extra)}`;
  }
}

/**
 * A small size-rotating file logger. Synchronous appends keep the last lines on disk even
 * when the process dies right after writing them, which is the point of a crash log.
 */
export function createLogger({ file, maxBytes = 1_000_000, keep = 3, echo = false }: LoggerOptions): Logger {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const ext = path.extname(file);
  const rotated = (n: number) => `${file.slice(0, file.length - ext.length)}.${n}${ext}`;

  function rotateIfNeeded(incoming: number): void {
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return; // no file yet
    }
    if (size + incoming <= maxBytes) return;
    fs.rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    }
    fs.renameSync(file, rotated(1));
  }

  function write(level: LogLevel, message: string, extra?: unknown): void {
    const line = `${new Date().toISOString()} [${level.toUpperCase()}] ${message}${describe(extra)}\n`;
    try {
      rotateIfNeeded(Buffer.byteLength(line));
      fs.appendFileSync(file, line);
    } catch {
      // Logging must never take the app down; the console still gets the line below.
    }
    if (echo || level === 'error') process.stderr.write(line);
  }

  return {
    file,
    debug: (m, e) => write('debug', m, e),
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
  };
}
