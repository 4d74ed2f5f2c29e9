/**
 * @module Person names. Chinese names are a surname from the list plus one or two given-name
 * characters, accepted after a cue (我叫, 姓名, 户名, 收件人, 联系人 …) or before an honorific with
 * the full name (王小明先生). English names are capitalised words after a cue ("my name is",
 * "Dear", "Mr.") or a common given name followed by a capitalised surname.
 */
import { EN_GIVEN_NAMES, NOT_A_NAME } from './names-en.ts';
import { COMPOUND_SURNAMES, HONORIFICS, NOT_GIVEN_NAME, SINGLE_SURNAMES } from './names-zh.ts';
import type { Candidate, Recognizer } from './recognizer.ts';

// Strong cues name the field; weak cues ("我是", "本人") often precede something else.
const ZH_CUE =
  /(?<strong>我叫|名叫|叫做|姓名|名字|真实姓名|户名|开户名|开户人|账户名|收件人|收货人|寄件人|签收人|联系人|持卡人|投保人|被保险人|乘机人|入住人|申请人|监护人|法人代表|法定代表人)|(?<weak>我是|本人|客户|用户|老公|老婆|丈夫|妻子|儿子|女儿|父亲|母亲)/g;
const ZH_LINK = /^(?:是|为|叫|：|:|\s|，|,){0,3}/;
const ZH_HONORIFIC_AT = /先生|女士|小姐/g;
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

/** Length of a full name starting at i (surname + 1–2 given characters), or 0. */
function zhNameAt(text: string, i: number): number {
  const s = surnameAt(text, i);
  if (s === 0) return 0;
  let n = 0;
  while (n < 2 && isHan(text[i + s + n]) && !NOT_GIVEN_NAME.has(text[i + s + n]!)) n++;
  HONORIFICS.lastIndex = i + s;
  if (n === 0 || HONORIFICS.test(text)) return 0;
  return s + n;
}

function findZh(text: string, out: Candidate[]): void {
  ZH_CUE.lastIndex = 0;
  for (let m = ZH_CUE.exec(text); m !== null; m = ZH_CUE.exec(text)) {
    const after = m.index + m[0].length;
    const start = after + (ZH_LINK.exec(text.slice(after, after + 3))?.[0].length ?? 0);
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
      if (zhNameAt(text, start) === len) {
        out.push({ type: 'PERSON', start, end: m.index, score: 0.7, contextWeight: 0 });
        break;
      }
    }
  }
}

const WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?";
const INITIAL = '\\p{Lu}\\.';
const EN_NAME = `${WORD}(?:\\s(?:${INITIAL}|${WORD})){0,2}`;
const EN_STRONG = new RegExp(
  `(?:\\b(?:[Mm]y (?:full |legal )?name is|[Nn]ame(?: on the (?:account|card))? is|[Nn]ame\\s?:|[Cc]ardholder:?|[Aa]ccount holder:?|[Bb]eneficiary:?|[Gg]uardian:?|Dear|Attn:?|Attention:?|(?:Mr|Mrs|Ms|Miss|Dr|Prof)\\.?|[Cc]alls? me|[Ss]igned,?|[Rr]egards,?|[Ss]incerely,?)\\s+)(?<name>${EN_NAME})`,
  'gu',
);
const EN_WEAK = new RegExp(
  `(?:\\b(?:I'm|I am|[Tt]his is|Hi|Hello|Hey|[Tt]hanks,?|[Cc]heers,?|[Ss]peak to|[Ss]peak with)\\s+)(?<name>${EN_NAME})`,
  'gu',
);
const EN_PAIR = new RegExp(`(?<![\\p{L}'’])(?<name>${WORD}\\s(?:${INITIAL}\\s)?${WORD})`, 'gu');

function trimName(name: string): string {
  // Drop trailing words that are ordinary capitalised words ("John Please").
  const words = name.split(/\s+/);
  while (words.length > 1 && NOT_A_NAME.has(words[words.length - 1]!.replace(/\.$/, ''))) words.pop();
  return words.join(' ');
}

function findEn(text: string, out: Candidate[]): void {
  const push = (re: RegExp, score: number, needGiven: boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const raw = m.groups?.name ?? '';
      const name = trimName(raw);
      const first = name.split(/\s+/)[0]!;
      if (NOT_A_NAME.has(first)) continue;
      if (needGiven && !EN_GIVEN_NAMES.has(first)) continue;
      const start = m.index + m[0].length - raw.length;
      out.push({ type: 'PERSON', start, end: start + name.length, score, contextWeight: 0 });
      // Overlapping pairs ("Mary Ann Smith") are re-tried from inside the name.
      re.lastIndex = start + 1;
    }
  };
  push(EN_STRONG, 0.85, false);
  push(EN_WEAK, 0.75, true);
  push(EN_PAIR, 0.6, true);
}

export const personRecognizer: Recognizer = {
  name: 'person',
  find({ text }) {
    const out: Candidate[] = [];
    if (/[\u4e00-\u9fff]/.test(text)) findZh(text, out);
    if (/[A-Z]/.test(text)) findEn(text, out);
    return out;
  },
};
