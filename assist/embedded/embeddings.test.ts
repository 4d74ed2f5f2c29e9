import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkModelFolder,
  denseCosine,
  EmbeddingsUnavailable,
  loadEmbedder,
  tryLoadEmbedder,
} from './embeddings.ts';

const root = mkdtempSync(join(tmpdir(), 'tidedesk-embeddings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

async function failure(p: Promise<unknown>): Promise<EmbeddingsUnavailable> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(EmbeddingsUnavailable);
  return e as EmbeddingsUnavailable;
}

describe('local embeddings', () => {
  it('reports "not configured" when no folder is given', async () => {
    const e = await failure(loadEmbedder(undefined));
    expect(e.reason).toBe('not-configured');
    expect(e.message).toContain('TIDEDESK_EMBEDDINGS_DIR');
  });

  it('names the folder when it does not exist', async () => {
    const dir = join(root, 'no-such-model');
    const e = await failure(loadEmbedder(dir));
    expect(e.reason).toBe('missing-folder');
    expect(e.path).toBe(dir);
    expect(e.message).toContain(dir);
  });

  it('lists every missing file of an incomplete folder', async () => {
    const dir = folder('empty-model', {});
    const e = await failure(loadEmbedder(dir));
    expect(e.reason).toBe('missing-files');
    expect(e.missing).toEqual([
      'config.json',
      'tokenizer.json',
      'onnx/model.onnx (or another onnx/model_*.onnx)',
    ]);
    expect(e.message).toContain('config.json');
    expect(e.message).toContain(dir);
  });

  it('rejects a config.json that is not JSON', async () => {
    const dir = folder('bad-config', {
      'config.json': '{ not json',
      'tokenizer.json': '{}',
      'onnx/model.onnx': 'x',
    });
    const e = await failure(checkModelFolder(dir));
    expect(e.reason).toBe('invalid-config');
    expect(e.message).toContain('config.json');
  });

  it('accepts a complete folder layout and picks the weights file that exists', async () => {
    const dir = folder('quantized-layout', {
      'config.json': '{"model_type":"bert"}',
      'tokenizer.json': '{}',
      'onnx/model_quantized.onnx': 'x',
    });
    const check = await checkModelFolder(dir);
    expect(check).toMatchObject({
      weights: 'onnx/model_quantized.onnx',
      dtype: 'q8',
      modelId: 'quantized-layout',
    });
  });

  it('turns a broken model (garbage weights) into load-failed without touching the network', async () => {
    const dir = folder('broken-model', {
      'config.json': '{"model_type":"bert","hidden_size":8}',
      'tokenizer.json': '{"version":"1.0","model":{"type":"WordPiece","vocab":{"[UNK]":0}}}',
      'tokenizer_config.json': '{}',
      'onnx/model.onnx': new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
    });
    const result = await tryLoadEmbedder(dir);
    expect(result.embedder).toBeNull();
    expect(result.error?.reason).toBe('load-failed');
    expect(result.error?.message).toContain(dir);
  }, 60_000);

  it('computes dense cosine similarity', () => {
    expect(denseCosine(Float32Array.of(1, 0), Float32Array.of(2, 0))).toBeCloseTo(1);
    expect(denseCosine(Float32Array.of(1, 0), Float32Array.of(0, 3))).toBeCloseTo(0);
    expect(denseCosine(Float32Array.of(0, 0), Float32Array.of(1, 1))).toBe(0);
  });
});
