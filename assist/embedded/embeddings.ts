/**
 * @module Optional local sentence embeddings through transformers.js (feature-extraction pipeline,
 * mean pooling, unit length). The model must already sit in a local folder (the folder named by
 * `TIDEDESK_EMBEDDINGS_DIR`): remote downloads are switched off, nothing is fetched at run time.
 * Anything missing or broken becomes an {@link EmbeddingsUnavailable} that names the folder and
 * what is wrong, so callers can say so once and keep using the TF-IDF path. The package and
 * `node:fs` are imported dynamically so the rest of the toolkit stays runtime-agnostic.
 */

export type EmbeddingsProblem =
  | 'not-configured'
  | 'missing-folder'
  | 'missing-files'
  | 'invalid-config'
  | 'package-unavailable'
  | 'load-failed'
  | 'inference-failed';

/** Local embeddings cannot be used; `reason` says why, `missing` lists absent files. */
export class EmbeddingsUnavailable extends Error {
  override readonly name = 'EmbeddingsUnavailable';
  constructor(
    readonly reason: EmbeddingsProblem,
    readonly path: string | null,
    message: string,
    readonly missing: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A loaded embedding model. */
export interface Embedder {
  /** The model folder it was loaded from. */
  readonly modelPath: string;
  /** Which ONNX weights file was used, relative to the folder. */
  readonly weights: string;
  /** Unit-length mean-pooled embeddings, one per text. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** ONNX weight files transformers.js looks for, with the dtype that selects each. */
const WEIGHTS: [file: string, dtype: 'fp32' | 'q8' | 'fp16' | 'int8' | 'uint8' | 'q4'][] = [
  ['onnx/model.onnx', 'fp32'],
  ['onnx/model_quantized.onnx', 'q8'],
  ['onnx/model_fp16.onnx', 'fp16'],
  ['onnx/model_int8.onnx', 'int8'],
  ['onnx/model_uint8.onnx', 'uint8'],
  ['onnx/model_q4.onnx', 'q4'],
];

const REQUIRED_FILES = ['config.json', 'tokenizer.json'];

interface FolderCheck {
  dir: string;
  parent: string;
  modelId: string;
  weights: string;
  dtype: (typeof WEIGHTS)[number][1];
}

function splitPath(dir: string): { parent: string; modelId: string } {
  const trimmed = dir.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut < 0
    ? { parent: './', modelId: trimmed }
    : { parent: trimmed.slice(0, cut + 1), modelId: trimmed.slice(cut + 1) };
}

/**
 * Check that `dir` looks like a transformers.js model folder (config.json, tokenizer.json and one
 * ONNX weights file under onnx/) without loading it.
 */
export async function checkModelFolder(dir: string | null | undefined): Promise<FolderCheck> {
  if (!dir) {
    throw new EmbeddingsUnavailable(
      'not-configured',
      null,
      'Local embeddings are off: TIDEDESK_EMBEDDINGS_DIR is not set (the TF-IDF path is used).',
    );
  }
  const fs = await import('node:fs/promises');
  const exists = async (p: string) =>
    fs.stat(p).then(
      (s) => s.isFile() || s.isDirectory(),
      () => false,
    );
  const folder = await fs.stat(dir).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new EmbeddingsUnavailable(
      'missing-folder',
      dir,
      `Embeddings model folder ${dir} does not exist or is not a folder. Put a transformers.js model ` +
        '(config.json, tokenizer.json, onnx/model.onnx) there or unset TIDEDESK_EMBEDDINGS_DIR.',
    );
  }
  const missing: string[] = [];
  for (const f of REQUIRED_FILES) if (!(await exists(`${dir}/${f}`))) missing.push(f);
  let found: (typeof WEIGHTS)[number] | undefined;
  for (const w of WEIGHTS) {
    if (await exists(`${dir}/${w[0]}`)) {
      found = w;
      break;
    }
  }
  if (!found) missing.push('onnx/model.onnx (or another onnx/model_*.onnx)');
  if (missing.length > 0 || !found) {
    throw new EmbeddingsUnavailable(
      'missing-files',
      dir,
      `Embeddings model folder ${dir} is incomplete: missing ${missing.join(', ')}.`,
      missing,
    );
  }
  let config: unknown;
  let problem: string | null = null;
  try {
    config = JSON.parse(await fs.readFile(`${dir}/config.json`, 'utf8'));
  } catch (cause) {
    problem = (cause as Error).message;
  }
  if (problem === null && (typeof config !== 'object' || config === null || Array.isArray(config))) {
    problem = 'not a JSON object';
  }
  if (problem !== null) {
    throw new EmbeddingsUnavailable(
      'invalid-config',
      dir,
      `Embeddings model folder ${dir} has an unreadable config.json (${problem}).`,
    );
  }
  return { dir, ...splitPath(dir), weights: found[0], dtype: found[1] };
}

interface Tensor {
  dims: number[];
  data: ArrayLike<number>;
}
type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<Tensor>;

/** Load the model in `dir`; throws {@link EmbeddingsUnavailable} when it cannot be used. */
export async function loadEmbedder(dir: string | null | undefined): Promise<Embedder> {
  const check = await checkModelFolder(dir);
  let tf: typeof import('@huggingface/transformers');
  try {
    tf = await import('@huggingface/transformers');
  } catch (cause) {
    throw new EmbeddingsUnavailable(
      'package-unavailable',
      check.dir,
      `@huggingface/transformers could not be loaded in this runtime (${(cause as Error).message}).`,
      [],
      { cause },
    );
  }
  // Local files only: never reach the Hugging Face hub, whatever the model id looks like.
  tf.env.allowRemoteModels = false;
  tf.env.allowLocalModels = true;
  tf.env.localModelPath = check.parent;
  let extractor: Extractor;
  try {
    const pipe = await tf.pipeline('feature-extraction', check.modelId, {
      dtype: check.dtype,
      local_files_only: true,
    });
    extractor = pipe as unknown as Extractor;
  } catch (cause) {
    throw new EmbeddingsUnavailable(
      'load-failed',
      check.dir,
      `Embeddings model in ${check.dir} failed to load (${check.weights}): ${(cause as Error).message}`,
      [],
      { cause },
    );
  }
  return {
    modelPath: check.dir,
    weights: check.weights,
    async embed(texts) {
      if (texts.length === 0) return [];
      let out: Tensor;
      try {
        out = await extractor([...texts], { pooling: 'mean', normalize: true });
      } catch (cause) {
        throw new EmbeddingsUnavailable(
          'inference-failed',
          check.dir,
          `Embeddings model in ${check.dir} failed on input: ${(cause as Error).message}`,
          [],
          { cause },
        );
      }
      const width = out.dims[out.dims.length - 1] ?? 0;
      return texts.map((_, i) => Float32Array.from({ length: width }, (_, k) => out.data[i * width + k]!));
    },
  };
}

/**
 * Load the embedder or report why not, for callers that fall back to TF-IDF: they log `error`
 * once and carry on with the embedded path.
 */
export async function tryLoadEmbedder(
  dir: string | null | undefined,
): Promise<{ embedder: Embedder; error: null } | { embedder: null; error: EmbeddingsUnavailable }> {
  try {
    return { embedder: await loadEmbedder(dir), error: null };
  } catch (e) {
    if (e instanceof EmbeddingsUnavailable) return { embedder: null, error: e };
    throw e;
  }
}

/** Cosine similarity of two dense vectors (1 for identical directions, 0 if either is zero). */
export function denseCosine(a: Float32Array, b: Float32Array): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i]! * (b[i] ?? 0);
    na += a[i]! * a[i]!;
  }
  for (let i = 0; i < b.length; i++) nb += b[i]! * b[i]!;
  return na === 0 || nb === 0 ? 0 : d / Math.sqrt(na * nb);
}
