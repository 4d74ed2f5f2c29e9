/**
 * @module The PII boundary: the single chokepoint every outbound LLM and speech request passes.
 *
 * `outbound` replaces personal data with numbered placeholders (`<PHONE_1>`, `<CN_ID_1>`) and
 * returns sealed {@link MaskedMessages} plus a restore map; `inbound` puts raw values back only for
 * a role and entity types the caller is allowed to reveal. Providers accept nothing but sealed
 * values: the `MaskedText` brand makes unmasked strings a type error, and the seal (a module-private
 * WeakSet of frozen objects) makes a cast useless at run time — see {@link openMasked}.
 *
 * Beyond the detector, two safety nets catch the usual ways a prompt injection or a customer hides
 * numbers from pattern matching: digits spaced out or written full-width ("1 3 8 1 2 3 …") and
 * base64 tokens whose decoded text contains personal data.
 */
import { createMaskState, type MaskState, maskText } from '#src/core/pii/index.ts';
import type { PiiDetector, PiiEntity } from '#src/core/pii/types.ts';
import type { Role } from '#src/db/schema/users.ts';

declare const MASKED: unique symbol;

/** A string that came out of the boundary's masking. Only this module can produce one. */
export type MaskedText = string & { readonly [MASKED]: true };

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface MaskedMessage {
  readonly role: ChatRole;
  readonly content: MaskedText;
}

/** Sealed, frozen messages ready for a provider. */
export interface MaskedMessages {
  readonly messages: readonly MaskedMessage[];
  readonly [MASKED]: true;
}

/** Sealed speech request: audio bytes plus masked text fields and a neutral file name. */
export interface MaskedAudio {
  readonly audio: Blob;
  /** Always `audio.<ext>`: user-supplied file names can hold names or numbers. */
  readonly filename: string;
  readonly language: string | null;
  /** Vocabulary hint for the speech model, masked like any message. */
  readonly hint: MaskedText | null;
  readonly [MASKED]: true;
}

/** Raw value behind one placeholder. */
export interface RestoreEntry {
  type: string;
  value: string;
}

/** Placeholder → raw value, for the placeholders one outbound call produced. */
export type RestoreMap = ReadonlyMap<string, RestoreEntry>;

/**
 * Placeholder numbering for one conversation (the PII core's mask state), so the same phone number
 * is `<PHONE_1>` in every turn and a model can refer to it consistently. Keep one per conversation,
 * in memory only: it holds raw values.
 */
export type PiiState = MaskState;

/** Who is reading the model's answer, and which entity types the current SOP step may reveal. */
export interface RevealAccess {
  role: Role | 'customer' | 'system';
  allowedTypes: readonly string[];
}

/** Decides whether one placeholder may be restored for a reader. */
export type RevealPolicy = (access: RevealAccess, type: string) => boolean;

/** Roles that may ever see restored values; everyone else keeps placeholders. */
export const REVEAL_ROLES: readonly string[] = ['agent', 'supervisor', 'admin'];

/** Default policy: a serving or supervising role, and a type the SOP step lists. */
export const defaultRevealPolicy: RevealPolicy = (access, type) =>
  REVEAL_ROLES.includes(access.role) && access.allowedTypes.includes(type);

/** A provider was handed something that did not come out of the boundary. */
export class PiiBoundaryError extends Error {
  constructor(what: string) {
    super(`refusing to send ${what} that did not pass the PII boundary`);
    this.name = 'PiiBoundaryError';
  }
}

const sealed = new WeakSet<object>();

function seal<T extends object>(value: T): T {
  Object.freeze(value);
  sealed.add(value);
  return value;
}

/** Providers call this to read a request; it throws unless the boundary produced the value. */
export function openMasked(value: MaskedMessages): readonly MaskedMessage[];
export function openMasked(value: MaskedAudio): MaskedAudio;
export function openMasked(value: MaskedMessages | MaskedAudio): readonly MaskedMessage[] | MaskedAudio {
  if (typeof value !== 'object' || value === null || !sealed.has(value)) {
    throw new PiiBoundaryError(
      typeof value === 'object' && value && 'messages' in value ? 'messages' : 'a request',
    );
  }
  return 'messages' in value ? value.messages : value;
}

/** A fresh numbering state for one conversation. */
export function createPiiState(): PiiState {
  return createMaskState();
}

export interface PiiBoundaryOptions {
  detector: PiiDetector;
  policy?: RevealPolicy;
  /** Entities scoring below this are left alone (the detector's own default applies first). */
  minScore?: number;
}

export interface OutboundResult {
  messages: MaskedMessages;
  restore: RestoreMap;
  /** How many values of each type were masked (counts only, safe to log). */
  counts: Record<string, number>;
}

export interface MaskResult {
  text: MaskedText;
  restore: RestoreMap;
  counts: Record<string, number>;
}

export interface AudioInput {
  audio: Blob | Uint8Array;
  mimeType: string;
  language?: string;
  hint?: string;
}

export interface PiiBoundary {
  /** Mask chat messages for a provider. Pass the conversation's state for stable placeholders. */
  outbound(messages: readonly ChatMessage[], state?: PiiState): OutboundResult;
  /** Seal a speech request: masks the hint, replaces the file name. The audio itself must leave. */
  outboundAudio(input: AudioInput, state?: PiiState): { request: MaskedAudio; restore: RestoreMap };
  /** Mask one text, e.g. a transcript coming back from a speech model, before anyone reuses it. */
  mask(text: string, state?: PiiState): MaskResult;
  /**
   * Irreversibly replace personal data with its type (`[PHONE]`), leaving placeholders alone —
   * for text that is stored outside the conversation, such as recorded cassettes.
   */
  redact(text: string): string;
  /**
   * Restore placeholders in a model's answer (a string, or any JSON-like value holding strings)
   * for this reader; placeholders the policy does not allow stay as they are.
   */
  inbound<T>(value: T, restore: RestoreMap, access: RevealAccess): T;
}

const PLACEHOLDER = /<([A-Z][A-Z0-9_]{0,39})_(\d{1,6})>/g;
// Digit runs written to slip past pattern matching: spaced, dotted or slashed ("1 3 8 1 2 3 …",
// "138.1234.5678"), full-width ("１３８…") or in Chinese numerals ("一三八一二三…", as speech
// transcripts write them). 7+ digits, at most one separator between each.
const LOOSE_DIGITS =
  /[0-9０-９零〇一二三四五六七八九](?:[ .\-_/·\u00a0\u3000]?[0-9０-９零〇一二三四五六七八九]){6,}(?:[ \u00a0\u3000]?[XxＸｘ])?/g;
const BASE64_TOKEN = /[A-Za-z0-9+/_-]{11,}={0,2}/g;
// Invisible characters carry nothing a model needs and are a classic way to split a number.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
const CN_DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

function toHalfWidth(s: string): string {
  return s.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function compactDigits(s: string): string {
  return toHalfWidth(s)
    .replace(/[零〇一二三四五六七八九]/g, (c) => CN_DIGITS[c] ?? c)
    .replace(/[\s.\-_/·\u00a0\u3000]/g, '')
    .toUpperCase();
}

function decodeBase64(token: string): string | null {
  try {
    const std = token.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(std.padEnd(Math.ceil(std.length / 4) * 4, '='));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Only text-like payloads count; random binary is not a hiding place for a phone number.
    return /^[\p{L}\p{N}\p{P}\p{Zs}\n\r\t+<>=$^`|~]*$/u.test(text) ? text : null;
  } catch {
    return null;
  }
}

function overlaps(spans: readonly PiiEntity[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

/** Create the boundary around a detector (the real one from src/core/pii, or a test double). */
export function createPiiBoundary(options: PiiBoundaryOptions): PiiBoundary {
  const { detector } = options;
  const policy = options.policy ?? defaultRevealPolicy;
  const minScore = options.minScore ?? 0;

  const detect = (text: string): PiiEntity[] => detector.detect(text).filter((e) => e.score >= minScore);

  /** Detector entities, then the two safety nets over whatever the detector left alone. */
  function findEntities(text: string): PiiEntity[] {
    const spans = detect(text);
    const extra: PiiEntity[] = [];
    const taken = (start: number, end: number) => overlaps(spans, start, end) || overlaps(extra, start, end);
    for (const m of text.matchAll(LOOSE_DIGITS)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const compact = compactDigits(m[0]);
      // Whatever the disguise, a run that is a phone, ID or card once compacted is masked as one.
      const found = detect(compact).find((e) => e.end - e.start >= compact.length - 1);
      // Otherwise: plain digit strings and dotted or dashed ones (dates, versions, order numbers)
      // were the detector's call; spaced, full-width or spelled-out runs are a disguise, and 15+
      // digits look like an ID or card whatever the checksum.
      const disguised = /[^0-9Xx.\-_/]/.test(m[0]) || compact.length >= 15;
      if (found || disguised) extra.push({ start, end, type: found?.type ?? 'NUMBER', score: 1 });
    }
    for (const m of text.matchAll(BASE64_TOKEN)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const decoded = decodeBase64(m[0]);
      if (decoded === null) continue;
      const hidden = detect(decoded)[0]?.type ?? (/\d{7,}/.test(compactDigits(decoded)) ? 'NUMBER' : null);
      if (hidden) extra.push({ start, end, type: hidden, score: 1 });
    }
    return [...spans, ...extra];
  }

  function maskOne(
    raw: string,
    state: PiiState,
    restore: Map<string, RestoreEntry>,
    counts: Record<string, number>,
    defuse = true,
  ): MaskedText {
    // A literal "<PHONE_1>" typed by a customer must not alias a real placeholder on restore.
    // System messages are our own prompt text, which names placeholders to explain them.
    const visible = raw.replace(INVISIBLE, '');
    const text = defuse
      ? visible.replace(PLACEHOLDER, (_m, type: string, n: string) => `‹${type}_${n}›`)
      : visible;
    const masked = maskText(text, findEntities(text), 'placeholder', state);
    const literal = new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[0]));
    for (const m of masked.matchAll(PLACEHOLDER)) {
      const value = state.byPlaceholder.get(m[0]);
      const type = m[1]!;
      if (value === undefined || literal.has(m[0])) continue;
      restore.set(m[0], { type, value });
      counts[type] = (counts[type] ?? 0) + 1;
    }
    return masked as MaskedText;
  }

  function restoreString(text: string, restore: RestoreMap, access: RevealAccess): string {
    return text.replace(PLACEHOLDER, (match) => {
      const entry = restore.get(match);
      return entry && policy(access, entry.type) ? entry.value : match;
    });
  }

  function restoreDeep(value: unknown, restore: RestoreMap, access: RevealAccess): unknown {
    if (typeof value === 'string') return restoreString(value, restore, access);
    if (Array.isArray(value)) return value.map((v) => restoreDeep(v, restore, access));
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreDeep(v, restore, access)]));
    }
    return value;
  }

  return {
    outbound(messages, state = createPiiState()) {
      const restore = new Map<string, RestoreEntry>();
      const counts: Record<string, number> = {};
      const masked = messages.map((m) =>
        Object.freeze({
          role: m.role,
          content: maskOne(m.content, state, restore, counts, m.role !== 'system'),
        }),
      );
      const sealedMessages = seal({ messages: Object.freeze(masked) }) as unknown as MaskedMessages;
      return { messages: sealedMessages, restore, counts };
    },

    outboundAudio(input, state = createPiiState()) {
      const restore = new Map<string, RestoreEntry>();
      const hint = input.hint ? maskOne(input.hint, state, restore, {}) : null;
      const subtype =
        (input.mimeType.split('/')[1] ?? 'bin').split(';')[0]?.replace(/[^a-z0-9]/gi, '') || 'bin';
      const audio =
        input.audio instanceof Blob
          ? input.audio
          : new Blob([new Uint8Array(input.audio)], { type: input.mimeType });
      const request = seal({
        audio,
        filename: `audio.${subtype}`,
        language: input.language ?? null,
        hint,
      }) as unknown as MaskedAudio;
      return { request, restore };
    },

    mask(text, state = createPiiState()) {
      const restore = new Map<string, RestoreEntry>();
      const counts: Record<string, number> = {};
      return { text: maskOne(text, state, restore, counts), restore, counts };
    },

    redact(text) {
      const visible = text.replace(INVISIBLE, '');
      const entities = findEntities(visible).sort((a, b) => b.start - a.start);
      let out = visible;
      for (const e of entities) out = `${out.slice(0, e.start)}[${e.type}]${out.slice(e.end)}`;
      return out;
    },

    inbound<T>(value: T, restore: RestoreMap, access: RevealAccess): T {
      return restoreDeep(value, restore, access) as T;
    },
  };
}
