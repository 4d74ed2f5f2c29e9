/**
 * @module Client assets for the file-system runtimes: bundles the page islands with esbuild and
 * copies Swagger UI into dist/public. Fast enough (~100 ms) to run on every start, so a fresh
 * clone needs no build step.
 *
 * Several servers may build at once (parallel test workers, a bench beside a dev server), so every
 * file is written to a private temporary name and renamed into place: a rename is atomic, so a
 * reader never sees a half-written file and two builders never unlink each other's output.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PUBLIC_DIR = join(ROOT, 'dist/public');
export const CLIENT_DIR = join(ROOT, 'src/ui/client');

/** Moves every file of `from` into `to` by atomic rename (same file system: both under dist/). */
function moveInto(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) renameSync(join(from, name), join(to, name));
}

export async function buildAssets(): Promise<void> {
  mkdirSync(PUBLIC_DIR, { recursive: true });
  const staging = mkdtempSync(join(dirname(PUBLIC_DIR), '.assets-'));
  try {
    const require = createRequire(import.meta.url);
    const swagger = dirname(require.resolve('swagger-ui-dist/package.json'));
    mkdirSync(join(staging, 'swagger-ui'));
    for (const f of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
      copyFileSync(join(swagger, f), join(staging, 'swagger-ui', f));
    }
    moveInto(join(staging, 'swagger-ui'), join(PUBLIC_DIR, 'swagger-ui'));
    const entries = existsSync(CLIENT_DIR)
      ? readdirSync(CLIENT_DIR).filter((f) => /^[a-z-]+\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
      : [];
    if (entries.length === 0) return;
    const { build } = await import('esbuild');
    const out = join(staging, 'js');
    await build({
      entryPoints: entries.map((f) => join(CLIENT_DIR, f)),
      outdir: out,
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      sourcemap: false,
      logLevel: 'warning',
      jsx: 'automatic',
      jsxImportSource: 'hono/jsx/dom',
    });
    moveInto(out, PUBLIC_DIR);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

let built: Promise<void> | null = null;
/** Build once per process. */
export function ensureAssets(): Promise<void> {
  built ??= buildAssets();
  return built;
}
