/**
 * @module Parses a versioned prompt file (`prompts/<name>/v<N>.md`). Pure — takes the markdown as
 * a string — so every runtime can use it: Node and Deno read the files (src/runtime/prompt-files.ts),
 * a Workers bundle can import them as text modules. No YAML dependency: front matter is the small
 * subset below, and anything else is an error that names the file and line.
 *
 * ```md
 * ---
 * id: copilot-reply            # must equal the folder name
 * version: 1                   # must equal N in vN.md
 * inputs: [lang, transcript]   # or one "- name" per line; each must be a {{placeholder}} or unused
 * output: CopilotSuggestions   # optional: name of a registered zod output schema
 * temperature: 0.2             # optional model hints
 * max_tokens: 600
 * description: free text
 * ---
 * # Title and notes for humans (not sent)
 * ## system
 * You are … {{lang}} …
 * ## user
 * <transcript>{{transcript}}</transcript>
 * ```
 */
import type { ChatRole } from '#assist/pii-boundary.ts';

export interface PromptTemplate {
  id: string;
  version: number;
  description: string | null;
  inputs: string[];
  /** Name of the zod output schema, or null for free text. */
  output: string | null;
  hints: { temperature?: number; maxTokens?: number };
  messages: { role: ChatRole; template: string }[];
}

/** A prompt file that cannot be used; the message names the file and what is wrong. */
export class PromptFileError extends Error {
  constructor(source: string, detail: string) {
    super(`${source}: ${detail}`);
    this.name = 'PromptFileError';
  }
}

type FrontValue = string | number | string[];

const ROLE_HEADING = /^##\s+(system|user|assistant)\s*$/i;
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const NAME = /^[a-z0-9][a-z0-9-]*$/;

function scalar(raw: string): string | number {
  const v = raw.replace(/\s+#.*$/, '').trim();
  if (/^(['"]).*\1$/.test(v)) return v.slice(1, -1);
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

function parseFrontMatter(lines: string[], source: string): Map<string, FrontValue> {
  const out = new Map<string, FrontValue>();
  let listKey: string | null = null;
  lines.forEach((line, i) => {
    if (/^\s*(#.*)?$/.test(line)) return;
    const item = /^\s+-\s+(.+)$/.exec(line) ?? /^-\s+(.+)$/.exec(line);
    if (item && listKey) {
      (out.get(listKey) as string[]).push(String(scalar(item[1]!)));
      return;
    }
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (!kv) throw new PromptFileError(source, `front matter line ${i + 2} is not "key: value": ${line}`);
    const [, key, rest] = kv as unknown as [string, string, string];
    if (out.has(key)) throw new PromptFileError(source, `front matter key "${key}" appears twice`);
    const value = rest.replace(/\s+#.*$/, '').trim();
    listKey = null;
    if (value === '') {
      out.set(key, []);
      listKey = key;
    } else if (value.startsWith('[') && value.endsWith(']')) {
      const inner = value.slice(1, -1).trim();
      out.set(key, inner ? inner.split(',').map((s) => String(scalar(s))) : []);
    } else {
      out.set(key, scalar(value));
    }
  });
  return out;
}

function requireString(fm: Map<string, FrontValue>, key: string, source: string): string {
  const v = fm.get(key);
  if (typeof v !== 'string' || v === '') throw new PromptFileError(source, `front matter needs "${key}"`);
  return v;
}

function optionalNumber(fm: Map<string, FrontValue>, key: string, source: string): number | undefined {
  const v = fm.get(key);
  if (v === undefined) return undefined;
  if (typeof v !== 'number') throw new PromptFileError(source, `"${key}" must be a number`);
  return v;
}

/** The placeholder names a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Parse one prompt file. `source` (e.g. `prompts/copilot-reply/v1.md`) is used in errors. */
export function parsePrompt(markdown: string, source = 'prompt'): PromptTemplate {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---')
    throw new PromptFileError(source, 'must start with a "---" front matter block');
  const close = lines.indexOf('---', 1);
  if (close < 0) throw new PromptFileError(source, 'front matter is not closed with "---"');
  const fm = parseFrontMatter(lines.slice(1, close), source);

  const id = requireString(fm, 'id', source);
  if (!NAME.test(id)) throw new PromptFileError(source, `id "${id}" must be kebab-case`);
  const version = fm.get('version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new PromptFileError(source, 'version must be a positive integer');
  }
  const inputs = fm.get('inputs') ?? [];
  if (!Array.isArray(inputs)) throw new PromptFileError(source, 'inputs must be a list');
  const output = fm.get('output');
  if (output !== undefined && typeof output !== 'string')
    throw new PromptFileError(source, 'output must be a name');
  const description = fm.get('description');

  const messages: PromptTemplate['messages'] = [];
  let current: { role: ChatRole; lines: string[] } | null = null;
  const flush = () => {
    if (current) messages.push({ role: current.role, template: current.lines.join('\n').trim() });
  };
  for (const line of lines.slice(close + 1)) {
    const heading = ROLE_HEADING.exec(line);
    if (heading) {
      flush();
      current = { role: heading[1]!.toLowerCase() as ChatRole, lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  flush();
  if (messages.length === 0)
    throw new PromptFileError(source, 'needs at least one "## system" or "## user" section');
  const empty = messages.find((m) => m.template === '');
  if (empty) throw new PromptFileError(source, `the "## ${empty.role}" section is empty`);

  const declared = new Set(inputs);
  for (const m of messages) {
    for (const name of placeholdersOf(m.template)) {
      if (!declared.has(name)) throw new PromptFileError(source, `{{${name}}} is not listed in inputs`);
    }
  }

  const temperature = optionalNumber(fm, 'temperature', source);
  const maxTokens = optionalNumber(fm, 'max_tokens', source);
  return {
    id,
    version,
    description: typeof description === 'string' ? description : null,
    inputs,
    output: output ?? null,
    hints: {
      ...(temperature !== undefined && { temperature }),
      ...(maxTokens !== undefined && { maxTokens }),
    },
    messages,
  };
}
