/**
 * @module Where cassettes live. A port, so the assist layer stays free of file-system imports:
 * Node and Deno use the folder store in src/runtime/cassette-files.ts (eval/cassettes/), tests use
 * the in-memory one here.
 */
import type { Capability } from '#assist/capabilities.ts';
import type { Cassette } from './format.ts';

export interface CassetteStore {
  read(capability: Capability, key: string): Promise<Cassette | null>;
  write(cassette: Cassette): Promise<void>;
}

export interface MemoryCassetteStore extends CassetteStore {
  all(): Cassette[];
}

/** Keeps cassettes in a Map; `seed` preloads some (e.g. parsed from fixtures). */
export function createMemoryCassetteStore(seed: readonly Cassette[] = []): MemoryCassetteStore {
  const byKey = new Map<string, Cassette>(seed.map((c) => [`${c.capability}/${c.key}`, c]));
  return {
    read: async (capability, key) => byKey.get(`${capability}/${key}`) ?? null,
    write: async (cassette) => {
      byKey.set(`${cassette.capability}/${cassette.key}`, cassette);
    },
    all: () => [...byKey.values()],
  };
}
