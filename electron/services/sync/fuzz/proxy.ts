/**
 * A small HTTP proxy between the desktops' CentralClient and the central service, on
 * 127.0.0.1, that loses, repeats and reorders sync requests as a seeded PRNG says:
 *
 * - drop-request: the connection is cut before anything reaches the server (the client sees a
 *   network error, the server nothing);
 * - drop-response: the server handles the request, then the connection is cut before the
 *   answer gets back (the client must assume nothing and send again);
 * - truncate: the answer's status and headers arrive and the body is cut half way;
 * - duplicate: the request reaches the server twice (one after the other, or both at once),
 *   the client gets one of the answers;
 * - hold: the request waits until the next one has been delivered (reordered delivery);
 * - replay: delivered normally, and delivered once more a few requests later (a late copy).
 *
 * The target can change (a restarted server listens on another port); while there is none, or
 * it does not answer, the client's connection is cut, as a dead server's would be.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Rng } from '../../demo/random';

export const FAULTS = ['drop-request', 'drop-response', 'truncate', 'duplicate', 'hold', 'replay'] as const;
export type Fault = (typeof FAULTS)[number] | 'none';

export interface Tap {
  /** The request has been sent to the server (its first copy: not again for `duplicate` or `replay`). */
  sent?(path: string): void;
  /** The answer has been written to the client (or cut, for the faults that cut it). */
  answered?(path: string, fault: Fault): void;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface Request {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

const endToEnd = (headers: http.IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase()))) as http.OutgoingHttpHeaders;

export class FaultProxy {
  /** http://127.0.0.1:<port> of the server, or null while it is down. */
  target: string | null = null;
  /** Probability that a sync request meets a fault; 0 turns the proxy into a plain relay. */
  faultRate = 0;
  tap: Tap = {};
  /** How many of each fault were injected, for the log. */
  readonly counts: Record<string, number> = {};
  private server: http.Server | null = null;
  private heldRelease: (() => void) | null = null;
  private replays: { after: number; req: Request }[] = [];
  private inFlight = new Set<Promise<unknown>>();

  constructor(private readonly rng: Rng) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const work = this.handle(req, res).catch(() => res.socket?.destroy());
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    });
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    await Promise.allSettled([...this.inFlight]);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Waits for everything in flight (held requests released, late copies sent). */
  async drain(): Promise<void> {
    this.releaseHeld();
    for (const r of this.replays.splice(0)) this.send(r.req).catch(() => undefined);
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private releaseHeld(): void {
    const release = this.heldRelease;
    this.heldRelease = null;
    release?.();
  }

  private pickFault(path: string): Fault {
    if (!path.startsWith('/sync/') || this.faultRate <= 0 || !this.rng.chance(this.faultRate)) return 'none';
    // A pull changes nothing on the server: a late copy of one tells nothing new.
    const faults = path.startsWith('/sync/pull') ? FAULTS.filter((f) => f !== 'replay') : FAULTS;
    return this.rng.pick(faults);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const r: Request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: await readBody(req) };
    const fault = this.pickFault(r.path);
    if (fault !== 'none') this.counts[fault] = (this.counts[fault] ?? 0) + 1;
    // A request held back is delivered after this one (or after a moment, if nothing comes).
    const held = this.heldRelease;
    this.heldRelease = null;
    this.dueReplays();

    if (fault === 'drop-request') {
      held?.();
      res.socket?.destroy();
      this.tap.answered?.(r.path, fault);
      return;
    }
    if (fault === 'hold') {
      held?.();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(
          () => {
            if (this.heldRelease === go) this.heldRelease = null;
            resolve();
          },
          this.rng.int(20, 250),
        );
        const go = () => {
          clearTimeout(timer);
          resolve();
        };
        this.heldRelease = go;
      });
    }
    let answer: Answer;
    try {
      if (fault === 'duplicate' && this.rng.chance(0.5)) {
        const [a, b] = await Promise.allSettled([this.send(r, true), this.send(r)]);
        const ok = [a, b].filter((x): x is PromiseFulfilledResult<Answer> => x.status === 'fulfilled');
        if (!ok.length) throw (a as PromiseRejectedResult).reason;
        answer = this.rng.pick(ok).value;
      } else {
        answer = await this.send(r, true);
        if (fault === 'duplicate') {
          const again = await this.send(r).catch(() => null);
          if (again && this.rng.chance(0.5)) answer = again;
        }
      }
    } finally {
      held?.();
    }
    if (fault === 'replay') this.replays.push({ after: this.rng.int(1, 4), req: r });
    if (fault === 'drop-response') {
      res.socket?.destroy();
      this.tap.answered?.(r.path, fault);
      return;
    }
    const headers = { ...endToEnd(answer.headers), 'content-length': String(answer.body.length) };
    res.writeHead(answer.status, headers);
    if (fault === 'truncate' && answer.body.length > 1) {
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => res.socket?.destroy());
      this.tap.answered?.(r.path, fault);
      return;
    }
    res.end(answer.body);
    this.tap.answered?.(r.path, fault);
  }

  private dueReplays(): void {
    const due = this.replays.filter((x) => --x.after <= 0);
    this.replays = this.replays.filter((x) => x.after > 0);
    for (const x of due) {
      const copy = this.send(x.req).catch(() => undefined);
      this.inFlight.add(copy);
      void copy.finally(() => this.inFlight.delete(copy));
    }
  }

  /** One delivery to the server; rejects when it is down or cuts the connection. */
  private send(r: Request, first = false): Promise<Answer> {
    const target = this.target;
    if (!target) return Promise.reject(new Error('no server'));
    const url = new URL(r.path, target);
    return new Promise((resolve, reject) => {
      const up = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: r.method,
          path: r.path,
          headers: { ...endToEnd(r.headers), host: url.host, ...(r.body.length ? { 'content-length': String(r.body.length) } : {}) },
          agent: false,
        },
        (answer) => {
          readBody(answer).then((body) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body }), reject);
        },
      );
      up.on('error', reject);
      up.end(r.body, () => (first ? this.tap.sent?.(r.path) : undefined));
    });
  }
}
