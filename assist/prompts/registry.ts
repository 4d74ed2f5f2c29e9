/**
 * @module The prompt registry: parsed prompt files plus the zod schemas they need. `render`
 * validates the inputs, fills `{{placeholders}}` in one pass (so text inside an input is never
 * expanded again — a customer typing "{{tenant}}" stays literal) and returns chat messages, the
 * output schema and the prompt's id+version, which every result records as provenance so two
 * versions can be compared run for run.
 */
import type { z } from 'zod';
import type { PromptRef } from '#assist/capabilities.ts';
import type { ChatMessage } from '#assist/pii-boundary.ts';
import { type PromptTemplate, parsePrompt } from './parse.ts';
import { OUTPUT_SCHEMAS, PROMPT_INPUT_SCHEMAS } from './schemas.ts';

export interface RenderedPrompt<Out = unknown> {
  ref: PromptRef;
  /** Unmasked: pass through `boundary.outbound` before any provider sees them. */
  messages: ChatMessage[];
  /** The structured-output contract, or null for a free-text prompt. */
  output: { schema: z.ZodType<Out>; name: string } | null;
  hints: PromptTemplate['hints'];
}

/** Bad inputs, an unknown prompt or version, or a prompt whose schemas are missing. */
export class PromptError extends Error {
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(issues.length ? `${message}: ${issues.join('; ')}` : message);
    this.name = 'PromptError';
  }
}

export interface PromptRegistry {
  /** Every loaded prompt id with its versions, ascending. */
  list(): { id: string; versions: number[] }[];
  /** A template by id and version (latest when omitted). */
  get(id: string, version?: number): PromptTemplate;
  /** Validate inputs and render a prompt (latest version unless one is pinned). */
  render<Out = unknown>(id: string, inputs: unknown, options?: { version?: number }): RenderedPrompt<Out>;
}

export interface RegistryOptions {
  inputSchemas?: Record<string, z.ZodType>;
  outputSchemas?: Record<string, z.ZodType>;
}

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => `- ${display(v)}`).join('\n');
  return JSON.stringify(value);
}

/**
 * Build a registry from prompt files' text. `files` maps a source label (the file path) to its
 * markdown; path-shaped labels (`…/<id>/v<N>.md`) are checked against the front matter.
 */
export function createPromptRegistry(
  files: Record<string, string>,
  options: RegistryOptions = {},
): PromptRegistry {
  const inputSchemas: Record<string, z.ZodType> = options.inputSchemas ?? PROMPT_INPUT_SCHEMAS;
  const outputSchemas: Record<string, z.ZodType> = options.outputSchemas ?? OUTPUT_SCHEMAS;
  const byId = new Map<string, Map<number, PromptTemplate>>();

  for (const [source, markdown] of Object.entries(files)) {
    const t = parsePrompt(markdown, source);
    const path = /([a-z0-9-]+)\/v(\d+)\.md$/.exec(source.replaceAll('\\', '/'));
    if (path && (path[1] !== t.id || Number(path[2]) !== t.version)) {
      throw new PromptError(`${source} declares ${t.id}@${t.version}; the path says ${path[1]}@${path[2]}`);
    }
    const schema = inputSchemas[t.id];
    if (!schema) throw new PromptError(`${source}: no input schema registered for "${t.id}"`);
    const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
    const unknownInputs = shape ? t.inputs.filter((name) => !(name in shape)) : [];
    if (unknownInputs.length) throw new PromptError(`${source}: inputs not in the schema`, unknownInputs);
    if (t.output && !outputSchemas[t.output])
      throw new PromptError(`${source}: unknown output schema "${t.output}"`);
    const versions = byId.get(t.id) ?? new Map<number, PromptTemplate>();
    if (versions.has(t.version)) throw new PromptError(`${source}: ${t.id}@${t.version} is defined twice`);
    versions.set(t.version, t);
    byId.set(t.id, versions);
  }

  const get = (id: string, version?: number): PromptTemplate => {
    const versions = byId.get(id);
    if (!versions) throw new PromptError(`unknown prompt "${id}"`);
    const v = version ?? Math.max(...versions.keys());
    const t = versions.get(v);
    if (!t) throw new PromptError(`prompt "${id}" has no version ${v}`);
    return t;
  };

  return {
    list: () =>
      [...byId.entries()]
        .map(([id, versions]) => ({ id, versions: [...versions.keys()].sort((a, b) => a - b) }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    get,
    render<Out>(id: string, inputs: unknown, opts: { version?: number } = {}): RenderedPrompt<Out> {
      const t = get(id, opts.version);
      const parsed = inputSchemas[id]!.safeParse(inputs);
      if (!parsed.success) {
        throw new PromptError(
          `invalid inputs for ${id}@${t.version}`,
          parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
        );
      }
      const values = parsed.data as Record<string, unknown>;
      const messages = t.messages.map((m) => ({
        role: m.role,
        content: m.template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_all, name: string) =>
          display(values[name] ?? ''),
        ),
      }));
      const output = t.output ? { schema: outputSchemas[t.output] as z.ZodType<Out>, name: t.output } : null;
      return { ref: { id: t.id, version: t.version }, messages, output, hints: t.hints };
    },
  };
}
