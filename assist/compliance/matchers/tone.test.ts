import { describe, expect, it } from 'vitest';
import { buildView } from '../text-view.ts';
import { compileToneScorer } from './tone.ts';

const scorer = compileToneScorer({
  strong: ['爱买不买', 'did you even', 'your fault'],
  weak: ['呵呵', 'seriously', 'wow'],
  exceptions: [],
  negations: ['not'],
  shouting: true,
});
const env = { context: {}, step: undefined, lang: 'en' as const };
const found = (draft: string) => scorer.find(buildView(draft), env).map((m) => draft.slice(m.start, m.end));

describe('tone scorer', () => {
  it('flags one strong marker', () => {
    expect(found('爱买不买')).toEqual(['爱买不买']);
    expect(found('Did you even read it?')).toEqual(['Did you even']);
  });

  it('needs two weak markers, or one with shouting', () => {
    expect(found('Wow, thanks!')).toEqual([]);
    expect(found('Wow. Seriously.')).toEqual(['Wow', 'Seriously']);
    expect(found('Seriously!!!')).toEqual(['Seriously', '!!!']);
    expect(found('Thank you!!!')).toEqual([]);
  });

  it('treats three or more all-caps words as shouting, not acronyms or codes', () => {
    expect(found('THE ORDER HAS ALREADY SHIPPED')).toEqual(['THE ORDER HAS ALREADY SHIPPED']);
    expect(found('Use code NEWUSER20 for the SKU ABC-1234, OK?')).toEqual([]);
    expect(found('ＷＥ ＣＡＮＮＯＴ ＣＨＡＮＧＥ ＩＴ')).toEqual(['ＷＥ ＣＡＮＮＯＴ ＣＨＡＮＧＥ ＩＴ']);
  });

  it('honours negations and quotes', () => {
    expect(found("It's not your fault")).toEqual([]);
    expect(found('您说“爱买不买”，这太不应该了')).toEqual([]);
  });
});
