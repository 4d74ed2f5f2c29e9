/**
 * @module Cassettes: recorded LLM responses, replayed offline so tests, eval suites and CI are
 * deterministic and need no network or key.
 *
 * Layout: `eval/cassettes/<capability>/<key>.json`, one file per distinct request. The key is the
 * SHA-256 (first 32 hex digits) of a canonical form of the request as it left the process: the
 * endpoint (`chat/completions`, `audio/transcriptions`), the `x-tidedesk-capability` and
 * `x-tidedesk-prompt` headers, and the body with keys sorted and `model` removed (so a cassette
 * replays whatever model name the replaying config carries; the recorded model is in the
 * response). Multipart bodies contribute their fields plus each file's type and SHA-256. Bodies
 * are already masked by the PII boundary, so cassettes hold placeholders, never raw values; the
 * recorder also masks response text (a transcript is raw speech) before writing.
 *
 * A cassette file:
 * ```json
 * {
 *   "format": "tidedesk-cassette/1",
 *   "key": "3f9c…",
 *   "capability": "copilot",
 *   "prompt": "copilot-reply@1",
 *   "recordedAt": "2026-01-01T00:00:00.000Z",
 *   "request": { "method": "POST", "endpoint": "chat/completions", "model": "gpt-4o-mini", "body": { … } },
 *   "response": { "status": 200, "contentType": "application/json", "json": { … } }
 * }
 * ```
 * Streaming responses store `"sse": ["data: {…}\n\n", …, "data: [DONE]\n\n"]` (the frames as sent)
 * instead of `json`; anything else stores `"text"`. Headers other than the content type are not
 * kept (they carry request ids and organisation names, and replay does not need them).
 */
import { z } from 'zod';
import { CAPABILITIES, type Capability } from '#assist/capabilities.ts';
import { CAPABILITY_HEADER, PROMPT_HEADER } from '#assist/providers/headers.ts';

export const CASSETTE_FORMAT = 'tidedesk-cassette/1';

const JsonValue: z.ZodType<unknown> = z.unknown();

export const CassetteSchema = z.object({
  format: z.literal(CASSETTE_FORMAT),
  key: z.string().regex(/^[0-9a-f]{32}$/),
  capability: z.enum(CAPABILITIES),
  prompt: z.string().nullable(),
  recordedAt: z.string(),
  request: z.object({
    method: z.string(),
    endpoint: z.string(),
    model: z.string().nullable(),
    body: JsonValue,
  }),
  response: z.object({
    status: z.number().int(),
    contentType: z.string().nullable(),
    json: JsonValue.optional(),
    sse: z.array(z.string()).optional(),
    text: z.string().optional(),
  }),
});
export type Cassette = z.infer<typeof CassetteSchema>;

/** What identifies a request: capability, prompt label, key and the canonical body kept on file. */
export interface RequestIdentity {
  capability: Capability;
  prompt: string | null;
  key: string;
  endpoint: string;
  model: string | null;
  body: unknown;
}

/** A request the replayer has no cassette for. Names what to record. */
export class CassetteMissError extends Error {
  constructor(readonly identity: Pick<RequestIdentity, 'capability' | 'prompt' | 'key' | 'endpoint'>) {
    super(
      `no cassette for ${identity.capability} ${identity.endpoint} (prompt ${identity.prompt ?? 'none'}, key ${identity.key}); ` +
        'record it against a real endpoint with TIDEDESK_LLM_RECORD=1',
    );
    this.name = 'CassetteMissError';
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function endpointOf(url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  const known = /(chat\/completions|audio\/transcriptions|embeddings|completions)$/.exec(path);
  return known ? known[1]! : path;
}

async function bodyOf(request: Request): Promise<{ body: unknown; model: string | null }> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData();
    const fields: Record<string, string> = {};
    const files: { field: string; type: string; size: number; sha256: string }[] = [];
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') fields[name] = value;
      else {
        const bytes = new Uint8Array(await value.arrayBuffer());
        files.push({ field: name, type: value.type, size: bytes.length, sha256: await sha256Hex(bytes) });
      }
    }
    const model = fields.model ?? null;
    delete fields.model;
    return { body: { fields, files }, model };
  }
  const text = await request.text();
  if (!text) return { body: null, model: null };
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const { model, ...rest } = json;
    return { body: rest, model: typeof model === 'string' ? model : null };
  } catch {
    return { body: text, model: null };
  }
}

/**
 * Identify a request (reads a clone; the original stays usable). Null when the request does not
 * name a known capability — it did not come from the assist providers and is not cassette material.
 */
export async function identify(request: Request): Promise<RequestIdentity | null> {
  const header = request.headers.get(CAPABILITY_HEADER) ?? '';
  if (!(CAPABILITIES as readonly string[]).includes(header)) return null;
  const capability = header as Capability;
  const prompt = request.headers.get(PROMPT_HEADER);
  const endpoint = endpointOf(request.url);
  const { body, model } = await bodyOf(request.clone());
  const material = JSON.stringify(canonical({ method: request.method, endpoint, capability, prompt, body }));
  const key = (await sha256Hex(material)).slice(0, 32);
  return { capability, prompt, key, endpoint, model, body: canonical(body) };
}

/** Turn a stored response back into a fetch Response. */
export function toResponse(cassette: Cassette): Response {
  const { status, contentType, json, sse, text } = cassette.response;
  const headers = contentType ? { 'content-type': contentType } : undefined;
  if (sse) return new Response(sse.join(''), { status, ...(headers && { headers }) });
  if (json !== undefined) return new Response(JSON.stringify(json), { status, ...(headers && { headers }) });
  return new Response(text ?? '', { status, ...(headers && { headers }) });
}
