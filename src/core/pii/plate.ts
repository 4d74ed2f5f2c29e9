/**
 * @module Licence plates. Mainland plates are unmistakable: a province abbreviation, an
 * issuing-office letter, then five characters (six for new-energy plates), optionally with a
 * separator dot and a 挂/学/警 suffix. Other plates ("7ABC123") are generic alphanumerics and are
 * proposed only right after a word such as "plate" or "registration".
 */
import type { Candidate, Recognizer } from './recognizer.ts';

const PROVINCE = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const CN_PLATE = new RegExp(
  `[${PROVINCE}][A-HJ-NP-Z][·•\\- ]?(?:[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])(?![0-9A-Za-z])`,
  // Customers often type the letters in lower case (粤b12345).
  'gi',
);
const EN_CUE =
  /(?:licen[cs]e plate|plate(?: number| no\.?)?|registration(?: number)?|tag)\s*(?:is|:|#|number)?\s*$/i;
const EN_PLATE = /(?<![0-9A-Za-z])[A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,4}(?![0-9A-Za-z])/g;

export const plateRecognizer: Recognizer = {
  name: 'plate',
  find({ text }) {
    const out: Candidate[] = [];
    CN_PLATE.lastIndex = 0;
    for (let m = CN_PLATE.exec(text); m !== null; m = CN_PLATE.exec(text)) {
      out.push({
        type: 'LICENSE_PLATE',
        start: m.index,
        end: m.index + m[0].length,
        score: 0.85,
        contextWeight: 0.3,
      });
    }
    if (!/plate|registration|tag/i.test(text)) return out;
    EN_PLATE.lastIndex = 0;
    for (let m = EN_PLATE.exec(text); m !== null; m = EN_PLATE.exec(text)) {
      const v = m[0];
      // A plate mixes letters and digits and has at least five characters.
      if (!/[A-Z]/.test(v) || !/\d/.test(v) || v.replace(/[ -]/g, '').length < 5) continue;
      if (!EN_CUE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      out.push({
        type: 'LICENSE_PLATE',
        start: m.index,
        end: m.index + v.length,
        score: 0.75,
        contextWeight: 0,
      });
    }
    return out;
  },
};
