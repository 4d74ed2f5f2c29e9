/**
 * @module IPv4 and IPv6 addresses. Dotted quads look exactly like four-part version strings
 * ("10.2.3.4"), so a version word nearby (版本/version/firmware) sinks them and a "v" prefix
 * excludes them; IPv6 candidates are short hex/colon tokens checked by a parser, not a regex.
 */
import type { Candidate, Recognizer } from './recognizer.ts';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`, 'g');
// IPv6 text is hex digits, colons and dots (IPv4-mapped tails), at most 45 characters.
const IPV6_CHAR = /[0-9A-Fa-f:.]/;

/** RFC 4291 text forms: eight groups, or fewer with one "::", optionally an IPv4 tail. */
export function isIPv6(token: string): boolean {
  let t = token;
  let groupsNeeded = 8;
  const lastColon = t.lastIndexOf(':');
  if (t.slice(lastColon + 1).includes('.')) {
    if (!new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(t.slice(lastColon + 1))) return false;
    t = `${t.slice(0, lastColon + 1)}0`;
    groupsNeeded = 7;
  }
  const halves = t.split('::');
  if (halves.length > 2) return false;
  const parse = (s: string) => (s === '' ? [] : s.split(':'));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const groups = [...head, ...tail];
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = groups.length + (groupsNeeded === 7 ? 1 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

export const ipRecognizer: Recognizer = {
  name: 'ip',
  find(input) {
    const { text } = input;
    const out: Candidate[] = [];
    if (input.digitCount() < 4 && !text.includes(':')) return out;
    IPV4.lastIndex = 0;
    for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
      // Private and loopback addresses (a home router's 192.168.0.1) identify no one on their own.
      // A product token ("Chrome/120.0.0.0") is a version, and x.x.x.0 is a network, not a host.
      if (m.index > 1 && text[m.index - 1] === '/' && /[A-Za-z]/.test(text[m.index - 2]!)) continue;
      const local = /^(?:10\.|127\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)|\.0$/.test(m[0]);
      out.push({
        type: 'IP_ADDRESS',
        start: m.index,
        end: m.index + m[0].length,
        score: local ? 0.25 : 0.65,
        contextWeight: local ? 0.5 : 1,
      });
    }
    // IPv6: expand around each colon over hex digits, colons and dots (bounded), so plain prose
    // with colons ("Bot: …") costs one indexOf per colon.
    let lastTokenStart = -1;
    for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      let start = colon;
      while (start > 0 && colon - start < 45 && IPV6_CHAR.test(text[start - 1]!)) start--;
      if (start === lastTokenStart) continue;
      let end = colon + 1;
      while (end < text.length && end - start < 45 && IPV6_CHAR.test(text[end]!)) end++;
      lastTokenStart = start;
      colon = end - 1;
      if (start > 0 && /[\w:.]/.test(text[start - 1]!)) continue;
      if (end < text.length && /[\w:]/.test(text[end]!)) continue;
      let token = text.slice(start, end);
      while (token.endsWith('.')) token = token.slice(0, -1);
      // "::" alone, or a clock time like 14:30:00, is not an address.
      if ((token.match(/:/g) ?? []).length < 2 || token === '::' || !isIPv6(token)) continue;
      out.push({ type: 'IP_ADDRESS', start, end: start + token.length, score: 0.85, contextWeight: 0.3 });
    }
    return out;
  },
};
