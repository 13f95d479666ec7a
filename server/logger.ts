/**
 * The service's JSON log (pino). Every line is scrubbed as it is written, whatever logged it and
 * however deep: a value under a key that names a secret (password, token, authorization,
 * cookie, secret), also inside a logged JSON text; a Bearer credential inside any text; token
 * parameters of a URL; and anything shaped like our tokens.
 * Scrubbing the finished line, rather than listing paths, also covers objects nobody thought of.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export const REDACTED = '[redacted]';

const SECRET_NAME = String.raw`[^"\\]*(?:password|passwd|token|secret|authorization|cookie)[^"\\]*`;
const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
/** "…password…": "value" or "…cookie…": ["a", "b"]. Key names match case-insensitively. */
const SECRET_FIELD = new RegExp(String.raw`"(${SECRET_NAME})"\s*:\s*(?:${JSON_STRING}|\[(?:\s*${JSON_STRING}\s*,?)*\])`, 'gi');
/** The same inside a logged JSON text (a response payload): \"accessToken\":\"value\". */
const EMBEDDED_SECRET_FIELD = new RegExp(String.raw`\\"(${SECRET_NAME})\\"\s*:\s*\\"(?:[^"\\]|\\\\\\"|\\\\\\\\|\\\\[^"\\])*\\"`, 'gi');
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const URL_TOKEN = /([?&][A-Za-z_]*token=)[^&"\s\\]+/gi;
/** Exactly the shape of our tokens (43 base64url characters), wherever it turns up. */
const TOKEN_SHAPED = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

export function scrub(line: string): string {
  return line
    .replace(SECRET_FIELD, (_m, key: string) => `"${key}":"${REDACTED}"`)
    .replace(EMBEDDED_SECRET_FIELD, (_m, key: string) => `\\"${key}\\":\\"${REDACTED}\\"`)
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(URL_TOKEN, (_m, param: string) => `${param}${REDACTED}`)
    .replace(TOKEN_SHAPED, REDACTED);
}

export interface LoggerOptions {
  level: pino.LevelWithSilent;
  /** Where the lines go (stdout when omitted); tests pass a stream they read back. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const config: pino.LoggerOptions = { level: options.level, hooks: { streamWrite: scrub } };
  return options.destination ? pino(config, options.destination) : pino(config);
}
