/**
 * @module Replay through msw: a catch-all handler that answers every provider request under a
 * base URL from cassettes, for tests that want the real provider code (SDK, LangChain, headers,
 * SSE parsing) exercised end to end while nothing leaves the machine. Test-only: msw is a dev
 * dependency.
 */
import { http } from 'msw';
import type { Replayer } from './replay.ts';

/** msw handlers serving `<baseURL>/**` from the replayer. */
export function cassetteHandlers(replayer: Replayer, baseURL: string) {
  const base = baseURL.replace(/\/+$/, '');
  return [http.all(`${base}/*`, ({ request }) => replayer.handle(request))];
}
