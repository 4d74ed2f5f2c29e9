/**
 * @module Unified social credit codes (GB 32100-2015): 18 characters over a 31-symbol alphabet
 * with a mod-31 check character. A code with letters is unmistakable once the check passes; an
 * all-digit one could be an order number that passes by chance (1 in 31), so it needs context.
 */
import { usccValid } from './checksums.ts';
import type { Candidate, Recognizer } from './recognizer.ts';

// The lookbehind fails at once inside a longer token, so a long alphanumeric run costs O(n).
const CODE = /(?<![0-9A-Za-z])\d{8}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;

export const usccRecognizer: Recognizer = {
  name: 'uscc',
  find(input) {
    const { text } = input;
    const out: Candidate[] = [];
    if (input.digitCount() < 8) return out;
    CODE.lastIndex = 0;
    for (let m = CODE.exec(text); m !== null; m = CODE.exec(text)) {
      if (!usccValid(m[0])) continue;
      const hasLetter = /[A-Z]/.test(m[0]);
      out.push({
        type: 'USCC',
        start: m.index,
        end: m.index + 18,
        score: hasLetter ? 0.9 : 0.3,
        contextWeight: hasLetter ? 0.3 : 1,
      });
    }
    return out;
  },
};
