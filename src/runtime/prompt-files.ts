/**
 * @module Reads `prompts/<name>/v<N>.md` for the file-system runtimes (Node, Deno via node:fs).
 * The assist layer itself only parses strings (assist/prompts/parse.ts), so a Workers build can
 * hand the same files in as text modules instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PROMPTS_DIR = join(ROOT, 'prompts');

/** Every `<dir>/<name>/v<N>.md`, keyed by its path relative to the repository root. */
export function readPromptFiles(dir: string = PROMPTS_DIR): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(join(dir, entry.name))) {
      if (!/^v\d+\.md$/.test(file)) continue;
      const path = join(dir, entry.name, file);
      files[relative(ROOT, path).replaceAll('\\', '/')] = readFileSync(path, 'utf8');
    }
  }
  return files;
}
