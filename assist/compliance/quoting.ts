/**
 * @module Reported speech without quotation marks: "您说你们客服是不是傻，我理解您的心情". When the
 * customer's last message (context.customer) contains the words a phrase rule matched, and the
 * draft introduces them as what the customer said (您说 / 您提到 / you said / you mentioned) earlier
 * in the same sentence, the agent is quoting, not speaking. Quotation marks are handled by the
 * text view; this covers the unmarked case. PII is never excused this way: repeating a
 * customer's phone number is still a leak.
 */
import { foldPhrase } from './text-view.ts';

const REPORTING =
  /您说|你说|您提到|您刚才说|您反映|您觉得|您认为|客户说|you said|you say|you mentioned|you wrote|you told|you feel|you called|you're saying/;
/** How far back (characters of the draft) the reporting verb may be. */
const LOOK_BACK = 40;
const SENTENCE_END = /[。！？!?\n]|\.\s/g;

/** True when draft[start, end) repeats the customer's own words as reported speech. */
export function quotesCustomer(draft: string, start: number, end: number, customerFolded: string): boolean {
  if (customerFolded === '') return false;
  const words = foldPhrase(draft.slice(start, end));
  if (words.length < 2 || !customerFolded.includes(words)) return false;
  const base = Math.max(0, start - LOOK_BACK);
  let from = base;
  for (const m of draft.slice(base, start).matchAll(SENTENCE_END)) from = base + m.index + m[0].length;
  return REPORTING.test(foldPhrase(draft.slice(from, start)));
}
