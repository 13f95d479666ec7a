/**
 * A refresh whose answer is lost on the way (the server has spent the refresh token) does not
 * sign the steward out: the desktop kept the request's id with its tokens and asks again with
 * it. Real server on 127.0.0.1, a real SQLite file and token vault.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenPair } from '../../../shared/sync/auth';
import { startCentral, type Central } from '../../../test/support/central';
import { usePglite } from '../../../test/support/postgres';
import { tempDir } from '../../../test/support/temp';
import { CentralClient, type Tokens } from './client';
import { signedInDesk } from './test-desk';

const tmp = tempDir();
const pglite = usePglite();
const PASSWORD = 'refresh-密码-2026';
let central: Central;
let url: string;
afterAll(() => tmp.cleanup());
beforeEach(async () => {
  central = await startCentral(await pglite.fresh());
  url = await central.app.listen({ host: '127.0.0.1', port: 0 });
  await central.account('王管家', 'steward', ['光明'], PASSWORD);
}, 60_000);
afterEach(async () => {
  await central?.app.close();
});

describe('a refresh whose answer was lost', () => {
  it('is asked again with the same id: the session goes on', async () => {
    const desk = await signedInDesk(tmp.dir, `lost-${Date.now()}`, url, '王管家', PASSWORD);
    let kept = desk.vault.load();
    // Everything the client keeps reaches the vault except the answer's new pair: it was lost.
    const lossy: Tokens = {
      get: () => kept,
      set: (p: TokenPair | null) => {
        if (p === null || p.refreshRequestId) kept = p;
      },
    };
    await new CentralClient(url, lossy).refresh();
    expect(kept?.refreshRequestId).toBeTruthy();

    central.advance(5 * 60_000);
    const tokens: Tokens = { get: () => kept, set: (p) => void (kept = p) };
    const client = new CentralClient(url, tokens);
    await client.refresh();
    expect(kept?.refreshRequestId).toBeUndefined();
    expect((await client.me()).name).toBe('王管家');
    desk.db.close();
  });
});
