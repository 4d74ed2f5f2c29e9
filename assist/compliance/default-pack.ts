/**
 * @module The shipped e-commerce rule pack (zh + en), the starting point a tenant admin edits.
 * Rules live by category in default-pack/*.ts; this module assembles and validates them once.
 */
import { DISCLOSURE_RULES } from './default-pack/disclosure.ts';
import { FORBIDDEN_RULES } from './default-pack/forbidden.ts';
import { KB_RULES } from './default-pack/kb.ts';
import { PII_RULES } from './default-pack/pii.ts';
import { PROMISE_RULES } from './default-pack/promise.ts';
import { TONE_RULES } from './default-pack/tone.ts';
import { type RulePack, type RulePackInput, RulePackSchema } from './rule-pack.ts';

/** The pack as an admin would submit it. */
export const DEFAULT_PACK_INPUT: RulePackInput = {
  id: 'ecommerce-default',
  version: 1,
  name: { zh: '电商通用规则包', en: 'E-commerce default pack' },
  rules: [
    ...PII_RULES,
    ...FORBIDDEN_RULES,
    ...PROMISE_RULES,
    ...TONE_RULES,
    ...DISCLOSURE_RULES,
    ...KB_RULES,
  ],
};

let parsed: RulePack | undefined;

/** The default pack, validated (defaults applied). Throws only if the shipped pack itself is broken. */
export function defaultPack(): RulePack {
  parsed ??= RulePackSchema.parse(DEFAULT_PACK_INPUT);
  return parsed;
}
