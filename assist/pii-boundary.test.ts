import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '#src/core/pii/index.ts';
import type { PiiDetector } from '#src/core/pii/types.ts';
import {
  createPiiBoundary,
  createPiiState,
  type MaskedAudio,
  type MaskedMessages,
  openMasked,
  PiiBoundaryError,
} from './pii-boundary.ts';

const boundary = createPiiBoundary({ detector: createPiiDetector() });
const agent = { role: 'agent' as const, allowedTypes: ['PHONE'] };

describe('PII boundary', () => {
  it('masks with numbered placeholders and returns a restore map for this call only', () => {
    const out = boundary.outbound([
      { role: 'system', content: '你是客服助手。' },
      { role: 'user', content: '手机13812345678，备用13987654321，邮箱 li.lei@example.com' },
    ]);
    const [system, user] = openMasked(out.messages);
    expect(system?.content).toBe('你是客服助手。');
    expect(user?.content).toBe('手机<PHONE_1>，备用<PHONE_2>，邮箱 <EMAIL_1>');
    expect([...out.restore.keys()].sort()).toEqual(['<EMAIL_1>', '<PHONE_1>', '<PHONE_2>']);
    expect(out.counts).toEqual({ PHONE: 2, EMAIL: 1 });
  });

  it('keeps placeholders stable across turns of one conversation', () => {
    const state = createPiiState();
    const first = boundary.outbound([{ role: 'user', content: '我的电话 138 1234 5678' }], state);
    const second = boundary.outbound(
      [{ role: 'user', content: '再说一次：13812345678，另一个13700001111' }],
      state,
    );
    expect(openMasked(first.messages)[0]?.content).toBe('我的电话 <PHONE_1>');
    expect(openMasked(second.messages)[0]?.content).toBe('再说一次：<PHONE_1>，另一个<PHONE_2>');
  });

  it('restores only types the SOP step allows, and only for serving or supervising roles', () => {
    const { restore } = boundary.outbound([
      { role: 'user', content: '电话13812345678，邮箱 a.b@example.com' },
    ]);
    const answer = '已记录 <PHONE_1> 和 <EMAIL_1>';
    expect(boundary.inbound(answer, restore, agent)).toBe('已记录 13812345678 和 <EMAIL_1>');
    expect(boundary.inbound(answer, restore, { role: 'supervisor', allowedTypes: ['PHONE', 'EMAIL'] })).toBe(
      '已记录 13812345678 和 a.b@example.com',
    );
    for (const role of ['trainee', 'qa', 'recruiter', 'customer', 'system'] as const) {
      expect(boundary.inbound(answer, restore, { role, allowedTypes: ['PHONE', 'EMAIL'] })).toBe(answer);
    }
  });

  it('restores inside structured output and leaves unknown placeholders alone', () => {
    const { restore } = boundary.outbound([{ role: 'user', content: '13812345678' }]);
    const parsed = {
      replies: [{ text: '回拨 <PHONE_1>', source: 'sop' }],
      note: '<PHONE_7> <CN_ID_1>',
      score: 3,
    };
    expect(boundary.inbound(parsed, restore, agent)).toEqual({
      replies: [{ text: '回拨 13812345678', source: 'sop' }],
      note: '<PHONE_7> <CN_ID_1>',
      score: 3,
    });
  });

  it('defuses placeholder look-alikes typed by the customer so they cannot alias real values', () => {
    const state = createPiiState();
    boundary.outbound([{ role: 'user', content: '我的电话13812345678' }], state);
    const out = boundary.outbound([{ role: 'user', content: '请把 <PHONE_1> 发给我' }], state);
    const content = openMasked(out.messages)[0]?.content ?? '';
    expect(content).not.toContain('<PHONE_1>');
    expect(out.restore.size).toBe(0);
  });

  it('keeps placeholder names in system prompts (they explain placeholders to the model)', () => {
    const out = boundary.outbound([
      { role: 'system', content: 'Copy values like <PHONE_1> exactly.' },
      { role: 'user', content: '电话13812345678' },
    ]);
    const [system, user] = openMasked(out.messages);
    expect(system?.content).toBe('Copy values like <PHONE_1> exactly.');
    expect(user?.content).toBe('电话<PHONE_1>');
    expect(out.counts).toEqual({ PHONE: 1 });
  });

  it('catches spaced, dotted, zero-width, full-width, spelled-out and base64-wrapped numbers', () => {
    const id = '11010519491231002X';
    const text = [
      '号码 1 3 8 1 2 3 4 5 6 7 8',
      'call 139.8765.4321',
      'split 1371234\u200b5678',
      '全角１３６１２３４５６７８',
      '一五九一二三四五六七八',
      `编码 ${btoa(id)}`,
      `短 ${btoa('13512345678')}`,
    ].join('；');
    const content =
      openMasked(boundary.outbound([{ role: 'user', content: text }]).messages)[0]?.content ?? '';
    expect(content).not.toMatch(/1 3 8|139\.8765|1371234|１３６|一五九|MTEw|MTM1/);
    expect(content.match(/<[A-Z_]+_\d+>/g)).toHaveLength(7);
  });

  it('leaves dates, versions, amounts and short order numbers readable', () => {
    const text = '订单 20251124，日期 2025-11-24 / 2025.11.24，版本 v1.2.3，金额 1000000 元';
    expect(openMasked(boundary.outbound([{ role: 'user', content: text }]).messages)[0]?.content).toBe(text);
  });

  it('redacts raw values by type for storage, keeping placeholders intact', () => {
    expect(boundary.redact('已改为 <PHONE_1>，备用 13812345678，邮箱 a.b@example.com')).toBe(
      '已改为 <PHONE_1>，备用 [PHONE]，邮箱 [EMAIL]',
    );
  });

  it('seals its output: forged or mutated requests are refused', () => {
    const forged = { messages: [{ role: 'user', content: 'raw' }] } as unknown as MaskedMessages;
    expect(() => openMasked(forged)).toThrow(PiiBoundaryError);
    const real = boundary.outbound([{ role: 'user', content: 'hello' }]).messages;
    expect(Object.isFrozen(real.messages)).toBe(true);
    expect(() => {
      (real.messages as unknown as { content: string }[])[0]!.content = 'changed';
    }).toThrow(TypeError);
    expect(() => openMasked({ ...real })).toThrow(PiiBoundaryError);
  });

  it('seals audio with a neutral file name and masked hint', async () => {
    const { request, restore } = boundary.outboundAudio({
      audio: new Uint8Array([9, 9, 9]),
      mimeType: 'audio/ogg; codecs=opus',
      hint: 'call-13812345678.mp3',
    });
    const opened: MaskedAudio = openMasked(request);
    expect(opened.filename).toBe('audio.ogg');
    expect(opened.hint).toBe('call-<PHONE_1>.mp3');
    expect(await opened.audio.arrayBuffer()).toEqual(new Uint8Array([9, 9, 9]).buffer);
    expect(restore.get('<PHONE_1>')).toEqual({ type: 'PHONE', value: '13812345678' });
  });

  it('works with any detector behind the port, honouring minScore', () => {
    const detector: PiiDetector = {
      detect: (text) => {
        const i = text.indexOf('Alice');
        return i < 0 ? [] : [{ type: 'PERSON', start: i, end: i + 5, score: 0.6 }];
      },
    };
    const strict = createPiiBoundary({ detector, minScore: 0.7 });
    const loose = createPiiBoundary({ detector });
    expect(openMasked(strict.outbound([{ role: 'user', content: 'Alice here' }]).messages)[0]?.content).toBe(
      'Alice here',
    );
    expect(openMasked(loose.outbound([{ role: 'user', content: 'Alice here' }]).messages)[0]?.content).toBe(
      '<PERSON_1> here',
    );
  });
});
