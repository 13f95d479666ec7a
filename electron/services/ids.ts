import crypto from 'node:crypto';

/** Random bytes drawn from a pooled buffer: one system call per 4,096 ids, not one per id. */
const POOL_SIZE = 10 * 4096;
let pool = Buffer.alloc(0);
let offset = POOL_SIZE;

function random10(): Buffer {
  if (offset + 10 > pool.length) {
    pool = crypto.randomBytes(POOL_SIZE);
    offset = 0;
  }
  offset += 10;
  return pool.subarray(offset - 10, offset);
}

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits. Time-ordered, so
 * ids made offline on many machines sort by creation and never collide in practice.
 */
export function newId(now = Date.now()): string {
  const b = Buffer.alloc(16);
  b.writeUIntBE(now, 0, 6);
  random10().copy(b, 6);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
