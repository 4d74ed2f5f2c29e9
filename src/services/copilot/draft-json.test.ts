import { describe, expect, it } from 'vitest';
import { createDraftTextReader, parseDraft } from './draft-json.ts';

const answer = (text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    suggestions: [{ text, source: 'knowledge', sourceId: 'kb_1', confidence: 0.7, ...extra }],
  });

describe('createDraftTextReader', () => {
  it('yields the reply text of streamed JSON as it arrives, whatever the chunk borders', () => {
    const text = 'Hello "there"\nyour refund: 1\\2 — 您好 \u00e9';
    const json = answer(text);
    for (const size of [1, 2, 3, 7, 50]) {
      const reader = createDraftTextReader();
      const out: string[] = [];
      for (let i = 0; i < json.length; i += size) out.push(reader.push(json.slice(i, i + size)));
      expect(out.join('')).toBe(text);
      expect(reader.text).toBe(text);
      expect(reader.raw).toBe(json);
    }
  });

  it('finds the text key in any position and ignores a "text" value elsewhere', () => {
    const reader = createDraftTextReader();
    reader.push('```json\n{"suggestions":[{"source":"text","sourceId":null,');
    expect(reader.text).toBe('');
    reader.push('"text" : "Hi \\u4f60');
    expect(reader.text).toBe('Hi 你');
    reader.push('好", "confidence": 1}]}\n```');
    expect(reader.text).toBe('Hi 你好');
  });
});

describe('parseDraft', () => {
  it('accepts the prompt output schema (also inside a Markdown fence) and trims the text', () => {
    expect(parseDraft(answer('  Hi  '))).toEqual({
      ok: true,
      draft: { text: 'Hi', source: 'knowledge', sourceId: 'kb_1', confidence: 0.7 },
    });
    expect(parseDraft(`\`\`\`json\n${answer('Hi')}\n\`\`\``).ok).toBe(true);
  });

  it('rejects prose, broken JSON, schema violations and empty answers', () => {
    expect(parseDraft('Sure! Here you go.')).toEqual({ ok: false, reason: 'not JSON' });
    expect(parseDraft(answer('Hi').slice(0, -3))).toEqual({ ok: false, reason: 'not JSON' });
    expect(parseDraft(answer('Hi', { source: 'web' }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('schema'),
    });
    expect(parseDraft(answer('Hi', { confidence: 3 }))).toMatchObject({ ok: false });
    expect(parseDraft(JSON.stringify({ suggestions: [] }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no suggestion'),
    });
    expect(parseDraft(answer('   '))).toMatchObject({ ok: false });
  });
});
