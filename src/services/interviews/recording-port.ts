/**
 * @module Where recording bytes live. The database keeps the bookkeeping (which chunks arrived,
 * their digests, the state); a RecordingStore keeps the bytes. Node and Deno use files under the
 * data folder (src/runtime/recording-store.ts); tests and runtimes without a file system use the
 * in-memory store here. An object-store adapter (R2 on Workers) implements the same five calls.
 */

export interface RecordingStore {
  /** Store one chunk (overwrites the same index). */
  putChunk(key: string, index: number, bytes: Uint8Array): Promise<void>;
  /** Join chunks 0..total-1 into the finished recording and drop the chunk files. */
  assemble(key: string, total: number): Promise<{ bytes: number }>;
  /** The finished recording, or null. */
  read(key: string): Promise<Uint8Array | null>;
  /** Remove the recording and any chunks (idempotent). */
  delete(key: string): Promise<void>;
  /** What kind of storage this is, for the admin and the logs. */
  readonly kind: string;
}

/** Keeps everything in memory: tests, and a runtime with no durable storage configured. */
export function createMemoryRecordingStore(): RecordingStore {
  const chunks = new Map<string, Map<number, Uint8Array>>();
  const done = new Map<string, Uint8Array>();
  return {
    kind: 'memory',
    async putChunk(key, index, bytes) {
      const parts = chunks.get(key) ?? new Map<number, Uint8Array>();
      parts.set(index, bytes.slice());
      chunks.set(key, parts);
    },
    async assemble(key, total) {
      if (done.has(key)) return { bytes: done.get(key)!.byteLength };
      const parts = chunks.get(key);
      const list: Uint8Array[] = [];
      for (let i = 0; i < total; i++) {
        const part = parts?.get(i);
        if (!part) throw new RangeError(`chunk ${i} of ${key} is missing`);
        list.push(part);
      }
      const out = new Uint8Array(list.reduce((n, p) => n + p.byteLength, 0));
      let at = 0;
      for (const p of list) {
        out.set(p, at);
        at += p.byteLength;
      }
      done.set(key, out);
      chunks.delete(key);
      return { bytes: out.byteLength };
    },
    async read(key) {
      return done.get(key) ?? null;
    },
    async delete(key) {
      chunks.delete(key);
      done.delete(key);
    },
  };
}
