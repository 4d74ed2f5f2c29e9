/**
 * @module Metadata headers every provider request carries: which capability and prompt version it
 * serves. No content, no PII; cassettes are filed and keyed by them.
 */
export const CAPABILITY_HEADER = 'x-tidedesk-capability';
export const PROMPT_HEADER = 'x-tidedesk-prompt';
