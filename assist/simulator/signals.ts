/**
 * @module Tone and conduct signals in a trainee message: abuse, rudeness, giving up, unauthorised
 * promises, asking for secrets, moving the customer off-platform, superlatives — and the positive
 * ones, empathy and politeness. The persona engine reacts to them and the coach reports them.
 *
 * `SignalSource` is the seam to the compliance checker (assist/compliance/): the engine's default
 * source is `complianceSignals()` (compliance-signals.ts), which takes conduct and tone from the
 * tenant's rule pack and empathy/politeness from the lexicon here; `embeddedSignals`, this file's
 * small bilingual lexicon, is the pack-free fallback. Negated phrases ("I can't promise",
 * 请不要把验证码告诉任何人) do not count for the conduct kinds.
 */
import { affirmedHits, type FoldedText, foldMessage, type PhraseHit, phraseList } from './phrases.ts';

export const SIGNAL_KINDS = [
  'abusive',
  'rude',
  'dismissive',
  'promise',
  'privacy',
  'offplatform',
  'superlative',
  'empathy',
  'polite',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** One signal; offsets are UTF-16 indices into the original message, end exclusive. */
export interface Signal {
  kind: SignalKind;
  start: number;
  end: number;
  /** The cue that fired. */
  cue: string;
}

/** Anything that can read signals from a trainee message (embedded lexicon, compliance checker). */
export interface SignalSource {
  readonly name: string;
  signals(message: FoldedText): Signal[];
}

const LEXICON: Readonly<Record<SignalKind, readonly string[]>> = {
  abusive: [
    '傻逼',
    '傻b',
    '煞笔',
    '滚蛋',
    '滚吧',
    '你滚',
    '他妈',
    '妈的',
    '去死',
    '白痴',
    '脑残',
    '蠢货',
    '废物',
    '神经病',
    '有病吧',
    'fuck',
    'shit',
    'idiot',
    'moron',
    'stupid',
    'shut up',
    'go to hell',
    'dumb',
    'bitch',
    'asshole',
    'retard',
  ],
  rude: [
    '你听不懂吗',
    '听不懂人话',
    '我已经说过了',
    '说了多少遍',
    '不归我管',
    '爱退不退',
    '爱要不要',
    '关我什么事',
    '你自己的问题',
    '怪你自己',
    '烦不烦',
    '有完没完',
    '急什么',
    '别催了',
    '自己看',
    '自己去查',
    '你自己查',
    'not my problem',
    'not my job',
    'i already told you',
    'how many times',
    'calm down',
    'whatever',
    'figure it out',
    'deal with it',
    'your own fault',
    'your fault',
    'stop complaining',
    'take it or leave it',
    "i don't care",
    'read the website',
    'look it up yourself',
    'stop whining',
  ],
  dismissive: [
    '我不知道',
    '不清楚',
    '无能为力',
    '你等着吧',
    '等着吧',
    '处理不了',
    '管不了',
    "i don't know",
    'no idea',
    'nothing i can do',
    'just wait',
    'try again later',
    'not sure, sorry',
  ],
  promise: [
    '保证',
    '百分百',
    '百分之百',
    '100%',
    '绝对没问题',
    '绝对会',
    '一定…到账',
    '一定…送到',
    '肯定…到账',
    '肯定…送到',
    '包您满意',
    'guarantee',
    'i promise',
    '100 percent',
    'definitely arrive',
    'definitely get',
    'for sure by',
    'absolutely guarantee',
  ],
  privacy: [
    '密码发',
    '密码告诉',
    '提供一下密码',
    '提供密码',
    '把密码',
    '密码是多少',
    '验证码发给我',
    '验证码告诉我',
    '提供验证码',
    '提供一下验证码',
    '报一下验证码',
    '说一下验证码',
    '验证码是多少',
    'tell me your password',
    'give me your password',
    'send me your password',
    'what is your password',
    'provide your password',
    'share your password',
    'your password please',
    'read me the code',
    'send me the code',
    'give me the code',
    'tell me the verification code',
    'share the verification code',
    'what is the verification code',
  ],
  offplatform: [
    '加微信',
    '加我微信',
    '我的微信',
    '微信号',
    '加我qq',
    'qq号',
    '私聊',
    '私下联系',
    '加vx',
    'vx号',
    'add me on wechat',
    'my wechat',
    'whatsapp me',
    'my personal number',
    'text me on',
    'outside the platform',
    'contact me privately',
  ],
  superlative: [
    '最好的',
    '全网最低',
    '第一品牌',
    '顶级',
    'the best in',
    'number one',
    'lowest price anywhere',
  ],
  empathy: [
    '抱歉',
    '对不起',
    '理解您',
    '非常理解',
    '不好意思',
    '辛苦',
    '着急',
    '请放心',
    '别担心',
    '不用担心',
    '感谢您的耐心',
    '给您带来不便',
    '给您添麻烦',
    '您的心情',
    'sorry',
    'apolog',
    'i understand',
    'understand how',
    'frustrating',
    'i can imagine',
    'i hear you',
    "don't worry",
    'rest assured',
    'thank you for your patience',
    'that must be',
    'inconvenience',
  ],
  polite: [
    '您',
    '请',
    '麻烦',
    '谢谢',
    '感谢',
    'please',
    'thank',
    'happy to help',
    'glad to help',
    'my pleasure',
  ],
};

/** Kinds whose hits must not be negated ("I can't promise" is not a promise). */
const NEGATABLE: ReadonlySet<SignalKind> = new Set([
  'promise',
  'privacy',
  'offplatform',
  'superlative',
  'rude',
  'abusive',
]);

/** A signal source from lexicons of cue phrases (phrase syntax of phrases.ts). */
export function lexiconSignals(
  lexicon: Readonly<Partial<Record<SignalKind, readonly string[]>>>,
  name = 'lexicon',
): SignalSource {
  const lists = Object.entries(lexicon).map(([kind, cues]) => ({
    kind: kind as SignalKind,
    list: phraseList(cues ?? []),
  }));
  return {
    name,
    signals(message) {
      const out: Signal[] = [];
      for (const { kind, list } of lists) {
        const hits: PhraseHit[] = NEGATABLE.has(kind)
          ? affirmedHits(list, message.text)
          : list.hits(message.text);
        for (const h of hits) {
          const span = message.original(h.start, h.end);
          out.push({ kind, start: span.start, end: span.end, cue: h.phrase });
        }
      }
      // Shouting: a run of three or more all-caps words reads as rude.
      for (const m of message.source.matchAll(/\b[A-Z]{2,}(?:[\s,!?.]+[A-Z]{2,}){2,}\b/g)) {
        if (m[0].replace(/[^A-Z]/g, '').length >= 10) {
          out.push({ kind: 'rude', start: m.index, end: m.index + m[0].length, cue: 'SHOUTING' });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

/** The embedded bilingual lexicon (used until the compliance checker's tone scorer is wired). */
export const embeddedSignals: SignalSource = lexiconSignals(LEXICON, 'embedded');

/** Convenience for callers holding a raw string. */
export function readSignals(source: SignalSource, text: string): Signal[] {
  return source.signals(foldMessage(text));
}
