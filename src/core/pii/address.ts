/**
 * @module Postal addresses. Chinese addresses are chains of components — named units (广东省,
 * 深圳市, 南山区, 张江路, 阳光小区) and numbered ones (88号, 3号楼, 2单元, 1202室) — written without
 * spaces, so the recogniser finds component suffixes in one pass, measures each name part
 * backwards (bounded, stopping at function words like 在/的/是), links adjacent components and
 * keeps chains with a street-level part and a number. English addresses are a house number, up
 * to four capitalised words and a street type, then an optional unit, city, state and ZIP.
 */
import type { Candidate, Recognizer } from './recognizer.ts';

const PROVINCES = [
  '内蒙古',
  '黑龙江',
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
];

// Named components: a suffix after a name of 2–8 characters. Longer suffixes first.
const NAMED_SUFFIX =
  '特别行政区|自治区|自治州|自治县|工业园|科技园|开发区|新区|街道|大道|胡同|小区|花园|公寓|大厦|广场|园区|新村|家园|嘉园|名苑|社区|省|市|区|县|镇|乡|旗|路|街|巷|道|村|苑|庄|城|里';
// Numbered components: a number (or a building letter) then a unit.
const NUMBERED_SUFFIX = '号楼|号院|号|弄|栋|幢|座|单元|层|楼|室|房|期|排|组';
const NUMBER = '(?:\\d{1,5}|[一二三四五六七八九十百零〇]{1,4}|[A-Za-z])';
const COMPONENT = new RegExp(
  `(?<num>${NUMBER}(?:-\\d{1,5})?)(?<unit>${NUMBERED_SUFFIX})|(?<named>${NAMED_SUFFIX})`,
  'g',
);

// Characters that end a name part when walking backwards: function words, verbs around an
// address ("住在", "寄到", "送至"), cue nouns (地址, 收件人) and sentence punctuation.
const STOP = new Set(
  '的了吗呢吧啊呀哦嘛我你他她它们说等给把被让很也还就在是到从往去与及或请帮您想要能可以这那哪个什么怎为因所但如没有不已着买卖送寄收快递址电话手名叫姓至于把将改换搬住位于：:，,。！!？?；;、（）()【】[]"“”\'‘’ \n\t',
);
// Two-character cues whose second character is common in place names (收件人 vs 人民路).
const STOP_PAIRS = new Set(['件人', '系人', '货人', '卡人', '请人', '保人', '户人', '机人', '住人', '名人']);
const FINE =
  /路|街|巷|道|胡同|小区|花园|公寓|大厦|广场|园区|新村|家园|嘉园|名苑|社区|村|苑|庄|城|里|号|弄|栋|幢|座|单元|层|楼|室|房|期|排|组|号楼|号院/;
const MAX_NAME = 8;
// A building or estate name between two components (SOHO现代城, 阳光100): letters allowed.
const MAX_GAP = 10;

interface Component {
  start: number;
  end: number;
  fine: boolean;
  numbered: boolean;
}

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** Walk back from `from` over name characters, at most `max`, never before `floor`. */
function nameStart(text: string, from: number, floor: number, max: number, allowLatin: boolean): number {
  let i = from;
  while (i > floor && from - i < max) {
    const ch = text[i - 1]!;
    const code = ch.charCodeAt(0);
    const ok = (isHan(code) && !STOP.has(ch)) || (allowLatin && /[A-Za-z0-9]/.test(ch));
    if (!ok || (i >= 2 && STOP_PAIRS.has(text.slice(i - 2, i)))) break;
    i--;
  }
  return i;
}

function zhComponents(text: string): Component[] {
  const out: Component[] = [];
  COMPONENT.lastIndex = 0;
  let prevEnd = 0;
  for (let m = COMPONENT.exec(text); m !== null; m = COMPONENT.exec(text)) {
    const end = m.index + m[0].length;
    if (m.groups?.named) {
      const start = nameStart(text, m.index, prevEnd, MAX_NAME, false);
      // A named unit needs a two-character name: 知道, 上路 and 城里 are words, not places.
      if (m.index - start < 2) continue;
      out.push({ start, end, fine: FINE.test(m.groups.named), numbered: false });
    } else {
      // "号码", "楼下" and "一层意思" are not address parts: the unit must not run into a word.
      const unit = m.groups?.unit ?? '';
      const next = text[end] ?? '';
      if (unit === '号' && /[码]/.test(next)) continue;
      if (/^[A-Za-z]$/.test(m.groups?.num ?? '') && !/栋|座|单元|区|号楼/.test(unit)) continue;
      if (m.index > 0 && /[A-Za-z0-9]/.test(text[m.index - 1]!) && /^[A-Za-z]/.test(m[0])) continue;
      out.push({ start: m.index, end, fine: true, numbered: true });
    }
    prevEnd = end;
  }
  return out;
}

function findZh(text: string, out: Candidate[]): void {
  const comps = zhComponents(text);
  let i = 0;
  while (i < comps.length) {
    let j = i;
    // Link components whose gap is a short run of name characters (or nothing).
    while (j + 1 < comps.length) {
      const gapStart = comps[j]!.end;
      const next = comps[j + 1]!;
      if (next.start < gapStart) break;
      const gap = next.start - gapStart;
      // "广东省 深圳市 南山区": single spaces between components are allowed in the gap.
      const gapText = text.slice(gapStart, next.start).replace(/ /g, '');
      if (gap > MAX_GAP || nameStart(gapText, gapText.length, 0, MAX_GAP, true) !== 0) break;
      j++;
    }
    const chain = comps.slice(i, j + 1);
    i = j + 1;
    const hasFine = chain.some((c) => c.fine);
    const hasNumber = chain.some((c) => c.numbered);
    if (chain.length < 2 || !hasFine || (!hasNumber && chain.length < 3)) continue;
    let start = chain[0]!.start;
    // "收件人张三广东省…": the name part may begin with a province; cut everything before it.
    const head = text.slice(start, chain[0]!.end);
    for (const p of PROVINCES) {
      const at = head.indexOf(p);
      if (at > 0) {
        start += at;
        break;
      }
    }
    let end = chain[chain.length - 1]!.end;
    // "3号楼1202": a bare room number after a building.
    const tail = /^-?\d{2,5}(?![\d])/.exec(text.slice(end, end + 7));
    if (tail && /楼|栋|幢|座|单元|号/.test(text.slice(end - 2, end))) end += tail[0].length;
    if (end - start < 6) continue;
    const score = 0.5 + 0.05 * Math.min(chain.length - 2, 4) + (hasNumber ? 0.1 : 0);
    out.push({ type: 'ADDRESS', start, end, score, contextWeight: 0.6 });
  }
}

const STREET_TYPES =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl|Crescent|Close|Gardens|Row|Alley|Plaza|Loop|Pike|Run|Walk|Point|Heights|Hill|View|Park|Green|Mews';
// ", Springfield, IL 62704", ", New York, NY 10118", ", London W1U 3BW": city, state, ZIP/postcode.
const EN_TAIL =
  `(?:,\\s?[A-Z][\\p{L}'’.-]{1,20}(?:\\s[A-Z][\\p{L}'’.-]{1,20}){0,2}(?:(?:,\\s?|\\s)(?:[A-Z]{2}|[A-Z][a-z]{3,15}))?` +
  `(?:\\s(?:\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}))?)?`;
const EN_ADDRESS = new RegExp(
  `\\d{1,6}[A-Za-z]?\\s(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?\\s)?(?:[A-Z0-9][\\p{L}'’.-]{0,20}\\s){0,3}(?:${STREET_TYPES})\\b\\.?` +
    // "Pennsylvania Avenue NW": a quadrant or direction after the street type.
    `(?:\\s(?:NE|NW|SE|SW|N|S|E|W)\\b\\.?)?` +
    `(?:,?\\s(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Room|Rm|#)\\.?\\s?#?[0-9A-Z][0-9A-Za-z-]{0,5})?` +
    EN_TAIL,
  'gu',
);
const EN_PO_BOX = new RegExp(`(?<![\\w-])P\\.?\\s?O\\.?\\s?Box\\s\\d{1,6}${EN_TAIL}`, 'giu');
// "408 main st": typed in lower case; only an address word nearby ("ship to") makes it count.
const EN_LOWER =
  /\d{1,6}\s[a-z]{2,20}(?:\s[a-z]{2,20})?\s(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|blvd|boulevard|court|ct|way)\b/g;
// "Apt. 864", "Suite 501": a unit on its own, as customers give it when only the unit changed.
const EN_UNIT = /(?<![\w-])(?:Apt|Apartment|Suite|Ste|Unit)\.?\s#?\d{1,5}[A-Z]?(?![\w-])/g;
// Continental forms: "Koskikatu 25", "Via Franscini 71", "Rua do Arenque 1634".
const EN_CONTINENTAL =
  /(?<![\w-])(?:(?:Via|Viale|Rua|Calle|Avenida|Rue|Piazza|Plaza|Avenue)\s(?:[\p{L}'’.-]{1,20}\s){0,3}|\p{Lu}\p{L}{2,20}(?:katu|tie|gata|gatan|gade|vägen|vej|vegen|veien|straße|strasse|weg|gasse|laan|straat|utca|ulica|cesta|vænget|allé|allee)\s)\d{1,5}(?![\w-])/gu;

// Patterns that start with a digit check the character before in code: a leading lookbehind
// would stop the regex engine from skipping quickly to the next digit.
const CHECK_BEFORE = new Set<RegExp>([EN_ADDRESS, EN_LOWER]);
const ADDRESS_WORD = /ship|deliver|address|live|send|mail|move|地址/i;

function findEn(text: string, out: Candidate[]): void {
  const lowerAllowed = ADDRESS_WORD.test(text);
  for (const [re, score] of [
    [EN_ADDRESS, 0.7],
    [EN_PO_BOX, 0.7],
    [EN_CONTINENTAL, 0.6],
    [EN_UNIT, 0.5],
    [EN_LOWER, 0.35],
  ] as const) {
    if (re === EN_LOWER && !lowerAllowed) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (CHECK_BEFORE.has(re) && m.index > 0 && /[\w-]/.test(text[m.index - 1]!)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      let end = m.index + m[0].length;
      while (end > m.index && /[\s,]/.test(text[end - 1]!)) end--;
      out.push({ type: 'ADDRESS', start: m.index, end, score, contextWeight: 0.6 });
    }
  }
}

export const addressRecognizer: Recognizer = {
  name: 'address',
  find({ text }) {
    const out: Candidate[] = [];
    if (/[\u4e00-\u9fff]/.test(text)) findZh(text, out);
    if (/\d/.test(text)) findEn(text, out);
    return out;
  },
};
