/**
 * @module Recordings as files under the data folder (Node, Deno): each recording is a folder
 * `<root>/<tenant>/<recording>/` holding `chunk-000000.part` … while the upload runs and
 * `recording` once assembled. Writes go to a temporary name and are renamed into place, so a
 * crash never leaves a half-written chunk or recording that looks complete.
 *
 * Workers have no file system: without an object-store adapter (R2 would implement the same
 * RecordingStore calls) the worker falls back to the in-memory store, which does not survive the
 * isolate — run interview campaigns with recordings on Node or Deno, or use the text mode there.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { RecordingStore } from '#src/services/interviews/recording-port.ts';

const KEY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;
const chunkName = (i: number) => `chunk-${String(i).padStart(6, '0')}.part`;

export function createFileRecordingStore(root: string): RecordingStore {
  const base = resolve(root);
  const dirOf = (key: string) => {
    // Keys come from ids, never from users; refuse anything that could leave the folder anyway.
    if (!KEY.test(key)) throw new RangeError(`bad recording key ${JSON.stringify(key)}`);
    return join(base, key);
  };
  const atomicWrite = async (path: string, bytes: Uint8Array) => {
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  };
  return {
    kind: 'file',
    async putChunk(key, index, bytes) {
      const dir = dirOf(key);
      await mkdir(dir, { recursive: true });
      await atomicWrite(join(dir, chunkName(index)), bytes);
    },
    async assemble(key, total) {
      const dir = dirOf(key);
      const final = join(dir, 'recording');
      const existing = await stat(final).catch(() => null);
      if (existing) return { bytes: existing.size };
      const tmp = `${final}.${process.pid}.tmp`;
      const out = createWriteStream(tmp);
      for (let i = 0; i < total; i++) {
        await pipeline(createReadStream(join(dir, chunkName(i))), out, { end: false });
      }
      await new Promise<void>((done, fail) => out.end((err?: Error | null) => (err ? fail(err) : done())));
      await rename(tmp, final);
      for (const f of await readdir(dir)) if (f.endsWith('.part')) await rm(join(dir, f), { force: true });
      return { bytes: (await stat(final)).size };
    },
    async read(key) {
      try {
        return new Uint8Array(await readFile(join(dirOf(key), 'recording')));
      } catch {
        return null;
      }
    },
    async delete(key) {
      await rm(dirOf(key), { recursive: true, force: true });
    },
  };
}
