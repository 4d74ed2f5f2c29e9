/**
 * @module Public face of the PII core: create a detector (optionally with tenant patterns) and
 * mask what it found. Pure: no I/O, safe to call from storage, the assist boundary and eval.
 */
import { type CustomPattern, compileCustomPatterns } from './custom-patterns.ts';
import { createDetector } from './detector.ts';
import { type DisplayRule, maskText } from './mask.ts';
import type { PiiDetector } from './types.ts';

export { isLuhnCard } from './bank-card.ts';
export { cnIdCheckChar, cnIdChecksumValid, luhnValid, usccCheckChar, usccValid } from './checksums.ts';
export { validateCnId, validateLegacyCnId } from './cn-id.ts';
export {
  CUSTOM_VALIDATORS,
  type CustomPattern,
  CustomPatternSchema,
  checkPatternSafety,
  InvalidCustomPatternError,
  validateCustomPattern,
} from './custom-patterns.ts';
export { DEFAULT_MIN_SCORE, resolveOverlaps } from './detector.ts';
export { isEmail } from './email.ts';
export {
  createMaskState,
  DEFAULT_DISPLAY_RULES,
  DISPLAY_RULES,
  type DisplayRule,
  displayMask,
  type MaskOptions,
  type MaskState,
  type MaskStyle,
  maskText,
  REDACTED,
  unmaskText,
} from './mask.ts';
export { isCnMobile } from './phone.ts';
export * from './types.ts';

export interface PiiDetectorOptions {
  /** Tenant patterns; validate them with validateCustomPattern when the tenant saves them. */
  customPatterns?: readonly CustomPattern[];
  /** Threshold used when detect() gets no `minScore` (default 0.5). */
  minScore?: number;
}

/** A detector plus the display rules masking should use for its entity types. */
export interface ConfiguredPiiDetector extends PiiDetector {
  displayRules: Record<string, DisplayRule>;
}

/** Build a detector. Cheap to call, but reuse it: patterns are compiled once. */
export function createPiiDetector(options: PiiDetectorOptions = {}): ConfiguredPiiDetector {
  const custom = compileCustomPatterns(options.customPatterns ?? []);
  const detector = createDetector({
    extraRecognizers: custom.recognizers,
    ...(options.minScore === undefined ? {} : { minScore: options.minScore }),
  });
  return { detect: (text, o) => detector.detect(text, o), displayRules: custom.displayRules };
}

/** Detect and mask in one call — the common case for display and model boundaries. */
export function detectAndMask(
  detector: ConfiguredPiiDetector,
  text: string,
  style: Parameters<typeof maskText>[2],
  state?: Parameters<typeof maskText>[3],
): string {
  return maskText(text, detector.detect(text), style, state, { displayRules: detector.displayRules });
}
