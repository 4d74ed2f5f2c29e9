/**
 * @module Cassette store on disk for Node and Deno: `eval/cassettes/<capability>/<key>.json`,
 * pretty-printed with a trailing newline so recorded cassettes review well in a diff. Files that
 * fail the schema are reported as errors naming the file, not treated as misses.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Cassette, CassetteSchema } from '#assist/cassettes/format.ts';
import type { CassetteStore } from '#assist/cassettes/store.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CASSETTES_DIR = join(ROOT, 'eval/cassettes');

export function createCassetteDirStore(dir: string = CASSETTES_DIR): CassetteStore {
  const pathOf = (capability: string, key: string) => join(dir, capability, `${key}.json`);
  return {
    async read(capability, key) {
      const path = pathOf(capability, key);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') return null;
        throw err;
      }
      const parsed = CassetteSchema.safeParse(JSON.parse(text));
      if (!parsed.success)
        throw new Error(`${path}: not a valid cassette (${parsed.error.issues[0]?.message})`);
      return parsed.data;
    },
    async write(cassette: Cassette) {
      const path = pathOf(cassette.capability, cassette.key);
      await mkdir(dirname(path), { recursive: true });
      // Write then rename, so a crash mid-write never leaves a half cassette for replay to choke on.
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify(cassette, null, 2)}\n`, 'utf8');
      await rename(tmp, path);
    },
  };
}
