/**
 * @module E-mail addresses (RFC 5322-lite). Found by scanning for '@' and expanding to both
 * sides with bounded loops instead of a regex with an unbounded local-part class, which would
 * cost O(n²) on a long run of letters with no '@'. Already-masked addresses (z***@163.com) are
 * left alone.
 */
import type { Candidate, Recognizer } from './recognizer.ts';

const LOCAL_MAX = 64;
const DOMAIN_MAX = 253;
const LOCAL_OK = /^[A-Za-z0-9!#$%&'+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'+/=?^_`{|}~-]+)*$/;
const DOMAIN_OK = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/;

function isLocalChar(c: string): boolean {
  return /[A-Za-z0-9.!#$%&'+/=?^_`{|}~-]/.test(c);
}
function isDomainChar(c: string): boolean {
  return /[A-Za-z0-9.-]/.test(c);
}

/** True for a syntactically valid address (the whole string). */
export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at > LOCAL_MAX) return false;
  return LOCAL_OK.test(value.slice(0, at)) && DOMAIN_OK.test(value.slice(at + 1));
}

// "john dot smith at gmail dot com", "jane(at)example.com": spelled out to dodge filters. Every
// part is bounded and separated by a fixed word, so there is nothing to backtrack over.
const SPELLED =
  /(?<![\w.-])[A-Za-z0-9_-]{1,64}(?:\s(?:dot|\.)\s[A-Za-z0-9_-]{1,32}){0,3}\s?(?:\s(?:at)\s|[[(](?:at)[\])])\s?[A-Za-z0-9-]{1,63}(?:(?:\s(?:dot)\s|\.)[A-Za-z0-9-]{1,63}){0,3}(?:\s(?:dot)\s|\.)(?:com|net|org|edu|gov|cn|io|co|uk|de|me|info|us)(?![\w])/gi;

export const emailRecognizer: Recognizer = {
  name: 'email',
  find({ text }) {
    const out: Candidate[] = [];
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      let start = at;
      while (start > 0 && at - start < LOCAL_MAX && isLocalChar(text[start - 1]!)) start--;
      let end = at + 1;
      while (end < text.length && end - at <= DOMAIN_MAX && isDomainChar(text[end]!)) end++;
      // Sentence punctuation is not part of the address.
      while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
      while (start < at && text[start] === '.') start++;
      if (start === at || end === at + 1) continue;
      if (start > 0 && text[start - 1] === '*') continue; // masked: zh***ang@163.com
      if (!LOCAL_OK.test(text.slice(start, at)) || !DOMAIN_OK.test(text.slice(at + 1, end))) continue;
      out.push({ type: 'EMAIL', start, end, score: 0.95, contextWeight: 0 });
    }
    if (/\bat\b/i.test(text) && /\bdot\b|[[(]at[\])]/i.test(text)) {
      SPELLED.lastIndex = 0;
      for (let m = SPELLED.exec(text); m !== null; m = SPELLED.exec(text)) {
        // "I work at amazon dot com" is prose: the local part must look like a mailbox (a "dot",
        // a digit or an underscore in it) or the "@" must be written "(at)".
        const local = m[0].slice(0, m[0].search(/\s?(?:\sat\s|[[(]at[\])])/i));
        if (!/[[(]at[\])]/i.test(m[0]) && !/\sdot\s|\d|_/i.test(local)) continue;
        out.push({ type: 'EMAIL', start: m.index, end: m.index + m[0].length, score: 0.7, contextWeight: 0 });
      }
    }
    return out;
  },
};
