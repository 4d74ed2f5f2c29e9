/**
 * @module The LLM draft arrives as the `copilot-reply` prompt's JSON
 * (`{"suggestions":[{"text":…,"source":…,"sourceId":…,"confidence":…}]}`), streamed. The agent
 * should see the reply text appear as it is written, not JSON: `createDraftTextReader` pulls the
 * first `"text"` string out of the growing JSON, decoding escapes across chunk borders. When the
 * stream ends, `parseDraft` validates the whole answer with zod (the prompt's own output schema);
 * anything that does not parse is discarded by the caller.
 */
import type { z } from 'zod';
import { CopilotSuggestionsSchema } from '#assist/prompts/schemas.ts';

export interface DraftTextReader {
  /** Feed raw model text; returns the newly decoded part of the reply text ('' when none). */
  push(chunk: string): string;
  /** The reply text decoded so far. */
  readonly text: string;
  /** Every raw character received. */
  readonly raw: string;
}

const TEXT_KEY = /"text"\s*:\s*"/;
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function createDraftTextReader(): DraftTextReader {
  let raw = '';
  let text = '';
  /** Index in `raw` of the next undecoded character of the text value; -1 before it starts. */
  let at = -1;
  let closed = false;

  return {
    push(chunk) {
      raw += chunk;
      if (closed) return '';
      if (at < 0) {
        const m = TEXT_KEY.exec(raw);
        if (!m) return '';
        at = m.index + m[0].length;
      }
      let out = '';
      while (at < raw.length) {
        const c = raw[at]!;
        if (c === '"') {
          closed = true;
          break;
        }
        if (c !== '\\') {
          out += c;
          at += 1;
          continue;
        }
        // An escape: wait until all of it has arrived.
        const next = raw[at + 1];
        if (next === undefined) break;
        if (next === 'u') {
          const hex = raw.slice(at + 2, at + 6);
          if (hex.length < 4) break;
          const code = Number.parseInt(hex, 16);
          out += Number.isNaN(code) ? '' : String.fromCharCode(code);
          at += 6;
          continue;
        }
        out += SIMPLE_ESCAPES[next] ?? next;
        at += 2;
      }
      text += out;
      return out;
    },
    get text() {
      return text;
    },
    get raw() {
      return raw;
    },
  };
}

/** The one draft the co-pilot asks for (count = 1), as the prompt's output schema defines it. */
export type DraftAnswer = z.infer<typeof CopilotSuggestionsSchema>['suggestions'][number];

export type DraftParse = { ok: true; draft: DraftAnswer } | { ok: false; reason: string };

const Answer = CopilotSuggestionsSchema.extend({
  suggestions: CopilotSuggestionsSchema.shape.suggestions.min(1, 'no suggestion'),
});

/** Models sometimes wrap JSON in a Markdown fence; nothing else is forgiven. */
function unfence(raw: string): string {
  const t = raw.trim();
  const m = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(t);
  return m ? m[1]! : t;
}

/** Validates the complete model answer; the first suggestion is the draft. */
export function parseDraft(raw: string): DraftParse {
  let json: unknown;
  try {
    json = JSON.parse(unfence(raw));
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = Answer.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `schema: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() };
  }
  const draft = parsed.data.suggestions[0]!;
  if (draft.text.trim() === '') return { ok: false, reason: 'empty text' };
  return { ok: true, draft: { ...draft, text: draft.text.trim() } };
}
