import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryRecordingStore, type RecordingStore } from '#src/services/interviews/recording-port.ts';
import { createFileRecordingStore } from './recording-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidedesk-rec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (...xs: number[]) => new Uint8Array(xs);

describe.each([
  ['file', () => createFileRecordingStore(dir)],
  ['memory', () => createMemoryRecordingStore()],
] as [string, () => RecordingStore][])('%s recording store', (_kind, make) => {
  it('assembles chunks in index order whatever order they arrived in, then deletes it all', async () => {
    const store = make();
    await store.putChunk('t1/rec_a', 2, bytes(7, 8));
    await store.putChunk('t1/rec_a', 0, bytes(1, 2, 3));
    await store.putChunk('t1/rec_a', 1, bytes(4, 5, 6));
    await store.putChunk('t1/rec_a', 1, bytes(4, 5, 6)); // a retried chunk overwrites itself
    expect(await store.read('t1/rec_a')).toBeNull();
    expect(await store.assemble('t1/rec_a', 3)).toEqual({ bytes: 8 });
    expect(Array.from((await store.read('t1/rec_a')) ?? [])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Assembling again (two last chunks raced) is harmless.
    expect(await store.assemble('t1/rec_a', 3)).toEqual({ bytes: 8 });
    await store.delete('t1/rec_a');
    await store.delete('t1/rec_a');
    expect(await store.read('t1/rec_a')).toBeNull();
  });

  it('refuses to assemble with a chunk missing', async () => {
    const store = make();
    await store.putChunk('t1/rec_b', 0, bytes(1));
    await expect(store.assemble('t1/rec_b', 2)).rejects.toThrow();
  });
});

describe('file recording store', () => {
  it('keeps files under its root, drops chunk files once assembled, and refuses path tricks', async () => {
    const store = createFileRecordingStore(dir);
    await store.putChunk('t2/rec_c', 0, bytes(9));
    expect(readdirSync(join(dir, 't2/rec_c'))).toEqual(['chunk-000000.part']);
    await store.assemble('t2/rec_c', 1);
    expect(readdirSync(join(dir, 't2/rec_c'))).toEqual(['recording']);
    await expect(store.putChunk('../escape', 0, bytes(1))).rejects.toThrow(RangeError);
    expect(existsSync(join(dir, '..', 'escape'))).toBe(false);
  });
});
