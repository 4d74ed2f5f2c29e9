import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readPromptFiles } from '#src/runtime/prompt-files.ts';
import { PromptFileError, parsePrompt } from './parse.ts';
import { createPromptRegistry, PromptError } from './registry.ts';
import { CopilotSuggestionsSchema } from './schemas.ts';

const copilotInputs = {
  lang: 'zh',
  tenant: '演示商城',
  sopTitle: '退款进度查询',
  stepScript: '请您提供订单号，我帮您查询退款进度。',
  knowledge: [{ id: 'kb-12', title: '退款时效', excerpt: '原路退回 1-3 个工作日到账。' }],
  transcript: [
    { role: 'customer', text: '我的退款怎么还没到？' },
    { role: 'agent', text: '您好，请问订单号是多少？' },
  ],
  count: 3,
};

const toy = (version: number, body = '## user\nHello {{name}}') =>
  `---\nid: toy\nversion: ${version}\ninputs: [name]\n---\n${body}\n`;

describe('prompt files', () => {
  it('loads every shipped prompt and renders copilot-reply@1 with validated, shaped inputs', () => {
    const registry = createPromptRegistry(readPromptFiles());
    expect(registry.list()).toEqual(
      expect.arrayContaining([
        { id: 'copilot-reply', versions: [1] },
        { id: 'compliance-judge', versions: [1] },
      ]),
    );
    const rendered = registry.render('copilot-reply', copilotInputs);
    expect(rendered.ref).toEqual({ id: 'copilot-reply', version: 1 });
    expect(rendered.output?.name).toBe('CopilotSuggestions');
    expect(rendered.output?.schema).toBe(CopilotSuggestionsSchema);
    expect(rendered.hints).toEqual({ temperature: 0.2, maxTokens: 700 });
    expect(rendered.messages.map((m) => m.role)).toEqual(['system', 'user']);
    const [system, user] = rendered.messages;
    expect(system?.content).toContain('演示商城');
    expect(system?.content).toContain('Give exactly 3 suggestions');
    expect(user?.content).toContain('customer: 我的退款怎么还没到？\nagent: 您好，请问订单号是多少？');
    expect(user?.content).toContain('[kb-12] 退款时效: 原路退回 1-3 个工作日到账。');
    expect(rendered.messages.some((m) => /\{\{|# Co-pilot reply/.test(m.content))).toBe(false);
  });

  it('renders compliance-judge@1', () => {
    const registry = createPromptRegistry(readPromptFiles());
    const rendered = registry.render('compliance-judge', {
      lang: 'en',
      draft: 'I guarantee a full refund today.',
      transcript: [{ role: 'customer', text: 'Where is my refund?' }],
      rules: [{ id: 'no-promises', description: 'No guarantees beyond policy' }],
      knowledge: [],
    });
    expect(rendered.output?.name).toBe('ComplianceVerdict');
    expect(rendered.messages[0]?.content).toContain('- no-promises: No guarantees beyond policy');
    expect(rendered.messages[1]?.content).toContain('<draft>\nI guarantee a full refund today.\n</draft>');
  });

  it('rejects invalid inputs with the field paths', () => {
    const registry = createPromptRegistry(readPromptFiles());
    try {
      registry.render('copilot-reply', { ...copilotInputs, lang: 'fr', count: 9 });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PromptError);
      expect((err as PromptError).issues.map((i) => i.split(':')[0])).toEqual(['lang', 'count']);
    }
  });

  it('never expands placeholders that arrive inside input text', () => {
    const registry = createPromptRegistry(readPromptFiles());
    const rendered = registry.render('copilot-reply', {
      ...copilotInputs,
      transcript: [{ role: 'customer', text: 'print {{tenant}} and {{stepScript}}' }],
    });
    expect(rendered.messages[1]?.content).toContain('customer: print {{tenant}} and {{stepScript}}');
  });

  it('picks the latest version unless one is pinned, so versions can be compared', () => {
    const registry = createPromptRegistry(
      { 'prompts/toy/v1.md': toy(1), 'prompts/toy/v2.md': toy(2, '## user\nHi there, {{name}}!') },
      { inputSchemas: { toy: z.object({ name: z.string() }) } },
    );
    expect(registry.render('toy', { name: 'Ann' }).messages[0]?.content).toBe('Hi there, Ann!');
    expect(registry.render('toy', { name: 'Ann' }).ref).toEqual({ id: 'toy', version: 2 });
    const v1 = registry.render('toy', { name: 'Ann' }, { version: 1 });
    expect([v1.ref.version, v1.messages[0]?.content]).toEqual([1, 'Hello Ann']);
    expect(() => registry.render('toy', { name: 'Ann' }, { version: 3 })).toThrow(/no version 3/);
  });

  it('refuses prompt files that disagree with their path, schemas or placeholders', () => {
    const schemas = { inputSchemas: { toy: z.object({ name: z.string() }) } };
    expect(() => createPromptRegistry({ 'prompts/toy/v2.md': toy(1) }, schemas)).toThrow(/path says toy@2/);
    expect(() => createPromptRegistry({ 'prompts/other/v1.md': toy(1) }, schemas)).toThrow(/path says/);
    expect(() => createPromptRegistry({ 'prompts/toy/v1.md': toy(1) }, { inputSchemas: {} })).toThrow(
      /no input schema/,
    );
    expect(() =>
      createPromptRegistry(
        { 'p/toy/v1.md': toy(1).replace('inputs: [name]', 'inputs: [name, age]') },
        schemas,
      ),
    ).toThrow(/inputs not in the schema: age/);
    expect(() =>
      createPromptRegistry(
        { 'p/toy/v1.md': toy(1).replace('version: 1', 'version: 1\noutput: Nope') },
        schemas,
      ),
    ).toThrow(/unknown output schema "Nope"/);
  });
});

describe('parsePrompt', () => {
  it('reads list-style inputs, quoted values, comments and the three roles', () => {
    const t = parsePrompt(
      [
        '---',
        'id: demo',
        'version: 3   # bumped for the new tone',
        'description: "Demo: with colon"',
        'inputs:',
        '  - a',
        '  - b',
        '---',
        'Notes for humans.',
        '## system',
        'S {{a}}',
        '## assistant',
        'A',
        '## user',
        'U {{ b }}',
      ].join('\n'),
      'demo.md',
    );
    expect(t).toMatchObject({ id: 'demo', version: 3, description: 'Demo: with colon', inputs: ['a', 'b'] });
    expect(t.messages).toEqual([
      { role: 'system', template: 'S {{a}}' },
      { role: 'assistant', template: 'A' },
      { role: 'user', template: 'U {{ b }}' },
    ]);
  });

  it.each([
    ['no front matter', '## user\nhi', /must start with/],
    ['unclosed', '---\nid: x\n## user\nhi', /not closed/],
    ['no id', '---\nversion: 1\n---\n## user\nhi', /needs "id"/],
    ['bad version', '---\nid: x\nversion: one\n---\n## user\nhi', /positive integer/],
    [
      'undeclared placeholder',
      '---\nid: x\nversion: 1\n---\n## user\n{{secret}}',
      /\{\{secret\}\} is not listed/,
    ],
    ['no sections', '---\nid: x\nversion: 1\n---\njust text', /at least one/],
    [
      'empty section',
      '---\nid: x\nversion: 1\n---\n## system\n\n## user\nhi',
      /"## system" section is empty/,
    ],
    ['garbage line', '---\nid: x\nversion: 1\nthis is not yaml\n---\n## user\nhi', /line 4/],
  ])('rejects %s', (_name, markdown, message) => {
    expect(() => parsePrompt(markdown, 'x.md')).toThrow(PromptFileError);
    expect(() => parsePrompt(markdown, 'x.md')).toThrow(message);
  });
});
