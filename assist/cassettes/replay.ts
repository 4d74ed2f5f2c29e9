/**
 * @module Replay mode: serve provider requests from cassettes, offline and deterministically.
 * `createReplayFetch` is a plain fetch (no msw) for the eval runner and `--provider replay`;
 * assist/cassettes/msw.ts wraps the same lookup as msw handlers for tests.
 *
 * A miss must be loud, yet an HTTP error alone would be swallowed by the fallback to the embedded
 * engine. So a miss answers 404 with a message naming the key and capability (non-retryable: the
 * provider gives up at once), is logged as an error, and is remembered: `misses()` lists them and
 * `assertAllHit()` throws, which tests and the eval runner call at the end.
 */
import type { Logger } from '#src/ports/logger.ts';
import { CassetteMissError, identify, type RequestIdentity, toResponse } from './format.ts';
import type { CassetteStore } from './store.ts';

export interface Replayer {
  /** Answer one request from the store (a 404 naming the key on a miss). */
  handle(request: Request): Promise<Response>;
  /** A fetch that never touches the network. */
  fetch: typeof fetch;
  misses(): CassetteMissError[];
  /** Throws the first miss, if any. */
  assertAllHit(): void;
}

export function createReplayer(store: CassetteStore, logger: Logger): Replayer {
  const missed: CassetteMissError[] = [];

  const miss = (identity: Pick<RequestIdentity, 'capability' | 'prompt' | 'key' | 'endpoint'>) => {
    const error = new CassetteMissError(identity);
    missed.push(error);
    logger.error('assist.cassette.miss', { ...identity });
    return Response.json({ error: { message: error.message, type: 'cassette_miss' } }, { status: 404 });
  };

  const handle = async (request: Request): Promise<Response> => {
    const identity = await identify(request);
    if (!identity) {
      return miss({
        capability: 'copilot',
        prompt: null,
        key: 'unlabelled-request',
        endpoint: new URL(request.url).pathname,
      });
    }
    const cassette = await store.read(identity.capability, identity.key);
    return cassette ? toResponse(cassette) : miss(identity);
  };

  return {
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    misses: () => [...missed],
    assertAllHit() {
      if (missed[0]) throw missed[0];
    },
  };
}
