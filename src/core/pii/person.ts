/**
 * @module Person names. Chinese names are a surname from the list plus one or two given-name
 * characters, accepted after a cue (我叫, 姓名, 户名, 收件人, 联系人 …) or before an honorific with
 * the full name (王小明先生). English names are capitalised words after a cue ("my name is",
 * "Dear", "Mr.") or a common given name followed by a capitalised surname.
 */
import { EN_GIVEN_NAMES, EN_PAIR_ONLY_NAMES, EN_SURNAMES, NOT_A_NAME } from './names-en.ts';
import { COMPOUND_SURNAMES, HONORIFICS, NOT_GIVEN_NAME, SINGLE_SURNAMES } from './names-zh.ts';
import type { Candidate, Recognizer } from './recognizer.ts';

// Strong cues name the field; weak cues ("我是", "本人") often precede something else.
const ZH_CUE =
  /(?<strong>我叫|名叫|叫做|姓名|名字|真实姓名|户名|开户名|开户人|账户名|收件人|收货人|寄件人|签收人|联系人|持卡人|投保人|被保险人|乘机人|入住人|申请人|监护人|法人代表|法定代表人)|(?<weak>我是|本人|客户|用户|老公|老婆|丈夫|妻子|儿子|女儿|父亲|母亲)/g;
const ZH_LINK =
  /^(?:是|为|叫|：|:|\s|，|,){0,3}(?:我(?:妈妈|爸爸|妈|爸|老公|老婆|朋友|同事|儿子|女儿|家人))?/;
// After a full name: an honorific, or 收 closing an addressee line ("诸葛明收，").
const ZH_HONORIFIC_AT = /先生|女士|小姐|收(?=[，,。；;\s]|$)/g;
// "袁媛 18285445335": a name at the start of a clause, then a separator and a mobile number.
// Glued text ("全角13612345678") is a word before a number far more often than a name.
const ZH_NAME_BEFORE_PHONE =
  /(?<=^|[：:，,；;、\s])[\u4e00-\u9fff]{2,4}(?=[ \t，,：:](?:\+?86[ -]?|0086[ -]?)?1[3-9]\d)/g;
// "查下姜涛的订单": a name right before 的 + an order/contact word.
const ZH_NAME_BEFORE_OWNED =
  /(?<=[查下找给帮替问是和与跟])[\u4e00-\u9fff]{2,4}(?=的(?:订单|快递|包裹|账号|账户|手机|电话|地址|身份证|会员))/g;
// A preposition or verb right before a name can itself be a surname (向, 于, 和); prefer the
// two-character reading then.
const LEADS = new Set('向于和与对给跟同把被让请叫问找等帮替'.split(''));

function surnameAt(text: string, i: number): number {
  for (const c of COMPOUND_SURNAMES) if (text.startsWith(c, i)) return 2;
  return SINGLE_SURNAMES.has(text[i] ?? '') ? 1 : 0;
}

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /[\u4e00-\u9fff]/.test(ch);
}

/** Length of a full name starting at i (surname + 1–2 given characters, ending by `limit`), or 0. */
function zhNameAt(text: string, i: number, limit = text.length): number {
  const s = surnameAt(text, i);
  if (s === 0) return 0;
  let n = 0;
  while (n < 2 && i + s + n < limit && isHan(text[i + s + n]) && !NOT_GIVEN_NAME.has(text[i + s + n]!)) n++;
  HONORIFICS.lastIndex = i + s;
  if (n === 0 || HONORIFICS.test(text)) return 0;
  return s + n;
}

function findZh(text: string, out: Candidate[]): void {
  ZH_CUE.lastIndex = 0;
  for (let m = ZH_CUE.exec(text); m !== null; m = ZH_CUE.exec(text)) {
    const after = m.index + m[0].length;
    const start = after + (ZH_LINK.exec(text.slice(after, after + 8))?.[0].length ?? 0);
    const len = zhNameAt(text, start);
    if (len === 0) continue;
    const end = start + len;
    const strong = m.groups?.strong !== undefined;
    // After a weak cue the name must stand alone: "我是王者荣耀玩家" is not a name.
    if (!strong && isHan(text[end]) && !NOT_GIVEN_NAME.has(text[end]!)) continue;
    out.push({ type: 'PERSON', start, end, score: strong ? 0.85 : 0.6, contextWeight: 0 });
  }
  ZH_HONORIFIC_AT.lastIndex = 0;
  for (let m = ZH_HONORIFIC_AT.exec(text); m !== null; m = ZH_HONORIFIC_AT.exec(text)) {
    for (const len of [3, 2]) {
      const start = m.index - len;
      if (start < 0) continue;
      if (len === 3 && LEADS.has(text[start]!) && surnameAt(text, start + 1) > 0) continue;
      if (zhNameAt(text, start, m.index) === len) {
        out.push({ type: 'PERSON', start, end: m.index, score: 0.7, contextWeight: 0 });
        break;
      }
    }
  }
  for (const re of [ZH_NAME_BEFORE_PHONE, ZH_NAME_BEFORE_OWNED]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (zhNameAt(text, m.index, end) === m[0].length) {
        out.push({ type: 'PERSON', start: m.index, end, score: 0.6, contextWeight: 0 });
      } else {
        // "下姜涛的订单" was tried from 下; the name may start one character later.
        re.lastIndex = m.index + 1;
      }
    }
  }
}

// O'Brien, McDonald, Smith-Jones; each optional part starts with a fixed character, so the
// pattern cannot split one word in several ways.
const WORD = "\\p{Lu}\\p{Ll}*(?:\\p{Lu}\\p{Ll}+)?(?:['’-]\\p{Lu}?\\p{Ll}+)?";
const INITIAL = '\\p{Lu}\\.';
// Words of one name are separated by a space or tab, never a line break ("Name: X\nPhone").
const EN_NAME = `${WORD}(?:[ \\t](?:${INITIAL}|${WORD})){0,2}`;
const EN_FULL_NAME = `${WORD}(?:[ \\t](?:${INITIAL}[ \\t])?${WORD}){1,2}`;
// Every English cue in one case-insensitive pass; the name after it is read with a sticky pattern.
// strong: the field is named; title: Mr/Ms …, which needs a full name ("Mr. Garcia" alone is polite
// address); weak: greetings and "I'm", which need a listed given name.
const EN_CUES =
  /\b(?:(?<lower>my name is)|(?<caps>name(?: on (?:the )?(?:account|card))?\s?:|cardholder:?|account holder:?)|(?<strong>my (?:full |legal )?name is|name(?: on the (?:account|card))? is|beneficiary:?|guardian:?|dear|attn:?|attention:?|calls? me|signed,?|regards,?|sincerely,?)|(?<title>mr|mrs|ms|miss|dr|prof)\.?|(?<weak>i'm|i am|it's|it is|this is|hi|hello|hey|thanks,?|cheers,?|speak to|speak with))(?=\s)/gi;
const NAME_Y = new RegExp(`\\s+(?<name>${EN_NAME})`, 'uy');
const FULL_NAME_Y = new RegExp(`[ \\t]+(?<name>${EN_FULL_NAME})`, 'uy');
// "Name on card: JOHN A SMITH" and "my name is maria lopez": only right after an explicit cue.
const CAPS_Y =
  /[ \t]+(?<name>[A-Z]{2,}(?:[ \t][A-Z]\.?)?(?:[ \t][A-Z]{2,}(?:['’-][A-Z]+)?){1,2})(?![A-Za-z])/y;
const LOWER_Y = /[ \t]+(?<name>[a-z]{2,}(?:[ \t][a-z]{2,})?)(?![A-Za-z])/y;
// A given name from the list followed by a surname; tried (sticky) only where a listed given
// name starts, which a cheap word scan finds.
const EN_PAIR = new RegExp(`(?<name>${WORD}[ \\t](?:${INITIAL}[ \\t])?${WORD})`, 'uy');
const CAPITALISED = /\p{Lu}\p{Ll}+/gu;
const NEXT_WORD = /[ \t](?:\p{Lu}\.[ \t])?(\p{Lu}\p{Ll}+)/uy;
const LETTER_BEFORE = /[\p{L}'’]/u;

const LOWER_STOP = new Set([
  'and',
  'but',
  'from',
  'here',
  'i',
  'im',
  'the',
  'my',
  'is',
  'please',
  'thanks',
  'with',
  'and',
  'calling',
  'again',
]);

function trimName(name: string): string {
  // Drop a possessive ("Maclean's") and trailing ordinary capitalised words ("John Please").
  const words = name.replace(/['’]s$/, '').split(/\s+/);
  while (words.length > 1 && NOT_A_NAME.has(words[words.length - 1]!.replace(/\.$/, ''))) words.pop();
  return words.join(' ');
}

function readName(re: RegExp, text: string, at: number): { start: number; raw: string } | null {
  re.lastIndex = at;
  const m = re.exec(text);
  const raw = m?.groups?.name;
  return m && raw ? { start: m.index + m[0].length - raw.length, raw } : null;
}

/**
 * "I'm 王芳", "my name is 欧阳娜娜", "Dear 李明": a Chinese full name (surname + given name, standing
 * alone) right after an English cue, as bilingual customers write.
 */
function zhAfterEnglishCue(
  text: string,
  at: number,
  g: Record<string, string | undefined>,
): Candidate | null {
  let start = at;
  while (start < text.length && start - at < 3 && /[ \t]/.test(text[start]!)) start++;
  if (!isHan(text[start])) return null;
  const len = zhNameAt(text, start);
  const end = start + len;
  if (len < 2 || (isHan(text[end]) && !NOT_GIVEN_NAME.has(text[end]!))) return null;
  const score = g.weak ? 0.7 : g.title ? 0.75 : 0.85;
  return { type: 'PERSON', start, end, score, contextWeight: 0 };
}

function findEn(text: string, out: Candidate[]): void {
  EN_CUES.lastIndex = 0;
  for (let cue = EN_CUES.exec(text); cue !== null; cue = EN_CUES.exec(text)) {
    const at = cue.index + cue[0].length;
    const g = cue.groups ?? {};
    if (g.lower) {
      const n = readName(LOWER_Y, text, at);
      const words = n?.raw.split(/[ \t]/) ?? [];
      const first = words[0] ?? '';
      // Lower-case text only counts when it starts with a known given name ("maria lopez").
      if (
        n &&
        first === first.toLowerCase() &&
        EN_GIVEN_NAMES.has(first[0]!.toUpperCase() + first.slice(1))
      ) {
        const keep = words.length > 1 && !LOWER_STOP.has(words[1]!) ? n.raw : first;
        out.push({
          type: 'PERSON',
          start: n.start,
          end: n.start + keep.length,
          score: 0.7,
          contextWeight: 0,
        });
      }
    }
    if (g.caps) {
      const n = readName(CAPS_Y, text, at);
      if (n)
        out.push({
          type: 'PERSON',
          start: n.start,
          end: n.start + n.raw.length,
          score: 0.8,
          contextWeight: 0,
        });
    }
    const zh = zhAfterEnglishCue(text, at, g);
    if (zh) {
      out.push(zh);
      continue;
    }
    const n = readName(g.title ? FULL_NAME_Y : NAME_Y, text, at);
    if (!n) continue;
    const name = trimName(n.raw);
    const first = name.split(/\s+/)[0]!;
    if (NOT_A_NAME.has(first) || first.length < 2) continue;
    if (g.weak && !EN_GIVEN_NAMES.has(first)) continue;
    if (g.title && !name.includes(' ')) continue;
    out.push({
      type: 'PERSON',
      start: n.start,
      end: n.start + name.length,
      score: g.weak ? 0.75 : 0.85,
      contextWeight: 0,
    });
  }
  CAPITALISED.lastIndex = 0;
  for (let w = CAPITALISED.exec(text); w !== null; w = CAPITALISED.exec(text)) {
    const word = w[0];
    // Inside a word ("McDonald" → "Donald") or a common capitalised word: not a name start.
    if (w.index > 0 && LETTER_BEFORE.test(text[w.index - 1]!)) continue;
    if (NOT_A_NAME.has(word)) continue;
    const given = EN_GIVEN_NAMES.has(word);
    const after = w.index + word.length;
    // A pair needs a space or tab and then a capitalised word; without a listed given name that
    // word must be a listed surname. Checked before the full pattern runs.
    NEXT_WORD.lastIndex = after;
    const nextWord = NEXT_WORD.exec(text)?.[1];
    const pairPossible =
      nextWord !== undefined && (given || EN_PAIR_ONLY_NAMES.has(word) || EN_SURNAMES.has(nextWord));
    if (!given && !pairPossible) continue;
    EN_PAIR.lastIndex = w.index;
    const m = pairPossible ? EN_PAIR.exec(text) : null;
    const pair = m ? trimName(m[0]) : '';
    const last = pair.split(' ').pop() ?? '';
    if (
      pair.includes(' ') &&
      !NOT_A_NAME.has(last) &&
      (given || EN_PAIR_ONLY_NAMES.has(word) || EN_SURNAMES.has(last))
    ) {
      out.push({
        type: 'PERSON',
        start: w.index,
        end: w.index + pair.length,
        score: given ? 0.65 : 0.6,
        contextWeight: 0,
      });
    } else if (given) {
      // A listed given name on its own ("Why is Katrine so impulsive?").
      out.push({ type: 'PERSON', start: w.index, end: w.index + word.length, score: 0.55, contextWeight: 0 });
    }
  }
}

export const personRecognizer: Recognizer = {
  name: 'person',
  find({ text }) {
    const out: Candidate[] = [];
    if (/[\u4e00-\u9fff]/.test(text)) findZh(text, out);
    if (/[A-Za-z]/.test(text)) findEn(text, out);
    return out;
  },
};
