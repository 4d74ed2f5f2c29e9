import { describe, expect, it } from 'vitest';
import { buildView } from '../text-view.ts';
import { compilePhrases, phraseSource } from './phrases.ts';

const hits = (m: ReturnType<typeof compilePhrases>, draft: string) =>
  m.find(buildView(draft)).map((h) => h.text);

describe('compilePhrases', () => {
  const promise = compilePhrases({ phrases: ['保证', 'I guarantee'], negations: ['无法', "can't"] });

  it('drops a hit negated just before it in the same clause', () => {
    expect(hits(promise, '我保证明天到')).toEqual(['保证']);
    expect(hits(promise, '我们无法保证送达时间')).toEqual([]);
    expect(hits(promise, "I can't guarantee that, but I guarantee we'll try")).toEqual(['i guarantee']);
  });

  it('does not let a negation in another clause cancel a hit', () => {
    expect(hits(promise, '我无法联系快递员，但我保证明天到')).toEqual(['保证']);
  });

  it('drops a hit with an exception next to it or overlapping it', () => {
    const dontKnow = compilePhrases({
      phrases: ['不知道', "don't know"],
      exceptions: ['不知道您', "i'll check"],
    });
    expect(hits(dontKnow, '这个我不知道')).toEqual(['不知道']);
    expect(hits(dontKnow, '不知道您现在方便吗')).toEqual([]);
    expect(hits(dontKnow, "I don't know yet, I'll check")).toEqual([]);
    expect(hits(dontKnow, "I don't know. Call the courier. I'll check nothing.")).toEqual(["don't know"]);
  });

  it('ignores quoted words', () => {
    expect(hits(promise, '您说客服“保证明天到”，我来核实')).toEqual([]);
  });

  it('supports gaps inside one clause and whole-word Latin matching', () => {
    const m = compilePhrases({ phrases: ['不归…管', 'dumb'] });
    expect(hits(m, '这不归我们管')).toEqual(['不归我们管']);
    expect(hits(m, '不归,我管')).toEqual([]);
    expect(hits(m, 'dumbbell set')).toEqual([]);
    expect(hits(m, 'a dumb question')).toEqual(['dumb']);
  });

  it('escapes regex characters in phrases', () => {
    expect(new RegExp(phraseSource('100%?')).test('100%?')).toBe(true);
    expect(hits(compilePhrases({ phrases: ['(x)'] }), 'a (x) b')).toEqual(['(x)']);
  });
});
