/**
 * @module Masking at the source: every message (customer or agent, the opening one included) is
 * detected and masked before it is stored, published or returned. The stored text carries display
 * masks (138****5678); the raw values are sealed into the vault in the same atomic batch as the
 * message, keyed `<message id>-<n>`, so the UI can offer a reveal. Nothing raw is kept but the
 * sealed values and a keyed MAC of the whole text, which tells a retried send from a different
 * one without storing what was said.
 */
import { type SQL, sql } from 'drizzle-orm';
import { DEFAULT_DISPLAY_RULES, type DisplayRule, displayMask, type PiiEntity } from '#src/core/pii/index.ts';
import type { Message } from '#src/db/schema/conversations.ts';
import { type MessagePii, type MessagePiiEntity, piiVault } from '#src/db/schema/pii.ts';
import { macHex, seal, vaultAad } from './crypto.ts';
import type { VaultKeyring } from './keyring.ts';
import type { TenantDetectors } from './patterns.ts';

/** One masked span with the raw value behind it (in memory only, until it is sealed). */
export interface MaskedSpan {
  type: string;
  /** Offsets in the masked text. */
  start: number;
  end: number;
  raw: string;
  /** The detected entity (offsets in the raw text, score). */
  source: PiiEntity;
}

export interface PreparedText {
  /** What is stored and shown: the text with display masks. */
  text: string;
  spans: MaskedSpan[];
  /** Keyed MAC of the raw text (only when something was masked). */
  mac: string | null;
  kv: number;
}

/** What `insertMessage` adds to its batch: the `pii` column value and the vault inserts. */
export interface SealedMessage {
  pii: MessagePii | null;
  statements: SQL[];
}

/**
 * Rows per vault insert: 9 bound values a row plus one for the guard stays under D1's limit of
 * 100 bound parameters per statement.
 */
const ROWS_PER_INSERT = 10;
const MEMO_SIZE = 64;

/** Display-mask `entities` in `text`, tracking where each mask lands in the masked text. */
export function maskSpans(
  text: string,
  entities: readonly PiiEntity[],
  rules: Readonly<Record<string, DisplayRule>>,
): { text: string; spans: MaskedSpan[] } {
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: MaskedSpan[] = [];
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.end > text.length || e.end <= e.start) continue;
    const raw = text.slice(e.start, e.end);
    out += text.slice(cursor, e.start);
    const shown = displayMask(raw, rules[e.type] ?? DEFAULT_DISPLAY_RULES[e.type] ?? 'last4');
    spans.push({ type: e.type, start: out.length, end: out.length + shown.length, raw, source: e });
    out += shown;
    cursor = e.end;
  }
  return { text: out + text.slice(cursor), spans };
}

export interface MessageIngest {
  /** Detect and mask (memoised briefly: create masks the subject, then the message). */
  prepare(tenantId: string, text: string): Promise<PreparedText>;
  /** Seal the prepared spans for a message about to be inserted. */
  seal(
    conv: { id: string; tenantId: string },
    messageId: string,
    prepared: PreparedText,
    now: number,
  ): Promise<SealedMessage>;
  /** Whether a stored message is the same text as `raw` (retries with a client id). */
  sameText(stored: Pick<Message, 'text' | 'pii'>, tenantId: string, raw: string): Promise<boolean>;
}

export function createMessageIngest(deps: {
  detectors: TenantDetectors;
  keyring: VaultKeyring;
}): MessageIngest {
  const { detectors, keyring } = deps;
  const memo = new Map<string, Promise<PreparedText>>();
  detectors.onChange((tenantId) => {
    for (const key of memo.keys()) if (key.startsWith(`${tenantId}\u0000`)) memo.delete(key);
  });

  async function compute(tenantId: string, text: string): Promise<PreparedText> {
    const detector = await detectors.get(tenantId);
    const masked = maskSpans(text, detector.detect(text), detector.displayRules);
    const kv = keyring.activeVersion;
    const mac = masked.spans.length ? await macHex(await keyring.macKey(tenantId), text) : null;
    return { ...masked, mac, kv };
  }

  function prepare(tenantId: string, text: string): Promise<PreparedText> {
    const key = `${tenantId}\u0000${text}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const result = compute(tenantId, text);
    memo.set(key, result);
    result.catch(() => memo.delete(key));
    // Oldest first out: Map keeps insertion order.
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
    return result;
  }

  return {
    prepare,

    async seal(conv, messageId, prepared, now) {
      if (prepared.spans.length === 0) return { pii: null, statements: [] };
      const key = await keyring.sealKey(conv.tenantId, keyring.activeVersion);
      const entities: MessagePiiEntity[] = [];
      const rows: SQL[] = [];
      for (const [i, span] of prepared.spans.entries()) {
        const id = `${messageId}-${i + 1}`;
        entities.push({ id, type: span.type, start: span.start, end: span.end });
        const sealed = await seal(key, span.raw, vaultAad({ tenantId: conv.tenantId, id, type: span.type }));
        rows.push(
          sql`(${id}, ${conv.tenantId}, ${conv.id}, ${messageId}, ${span.type}, ${keyring.activeVersion}, ${sealed.iv}, ${sealed.ciphertext}, ${now})`,
        );
      }
      const statements: SQL[] = [];
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        // Guarded by the message row: a retried client id inserts no message and so no values.
        statements.push(sql`insert into ${piiVault} (id, tenant_id, conversation_id, message_id, type, key_version, iv, ciphertext, created_at)
          select * from (values ${sql.join(rows.slice(i, i + ROWS_PER_INSERT), sql`, `)})
          where exists (select 1 from messages where id = ${messageId})
          on conflict do nothing`);
      }
      return { pii: { entities, mac: prepared.mac ?? '', kv: prepared.kv }, statements };
    },

    async sameText(stored, tenantId, raw) {
      const prepared = await prepare(tenantId, raw);
      if (prepared.text !== stored.text) return false;
      const pii = stored.pii;
      if (!pii || !prepared.mac) return !pii && !prepared.mac;
      // After a key rotation the MAC key differs; the masked text is all there is to compare.
      if (pii.kv !== prepared.kv) return true;
      return pii.mac === prepared.mac;
    },
  };
}
