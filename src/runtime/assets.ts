/**
 * @module Client assets for the file-system runtimes: bundles the page islands with esbuild and
 * copies Swagger UI into dist/public. Fast enough (~100 ms) to run on every start, so a fresh
 * clone needs no build step.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PUBLIC_DIR = join(ROOT, 'dist/public');
export const CLIENT_DIR = join(ROOT, 'src/ui/client');

export async function buildAssets(): Promise<void> {
  mkdirSync(PUBLIC_DIR, { recursive: true });
  const require = createRequire(import.meta.url);
  const swagger = dirname(require.resolve('swagger-ui-dist/package.json'));
  mkdirSync(join(PUBLIC_DIR, 'swagger-ui'), { recursive: true });
  for (const f of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
    cpSync(join(swagger, f), join(PUBLIC_DIR, 'swagger-ui', f));
  }
  const { build } = await import('esbuild');
  const entries = existsSync(CLIENT_DIR)
    ? (await import('node:fs'))
        .readdirSync(CLIENT_DIR)
        .filter((f) => /^[a-z-]+\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    : [];
  if (entries.length === 0) return;
  await build({
    entryPoints: entries.map((f) => join(CLIENT_DIR, f)),
    outdir: PUBLIC_DIR,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx/dom',
  });
}

let built: Promise<void> | null = null;
/** Build once per process. */
export function ensureAssets(): Promise<void> {
  built ??= buildAssets();
  return built;
}
