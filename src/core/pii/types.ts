/** @module PII entity types and the detector port shared by storage, the assist boundary and eval. */
import { z } from 'zod';

/** Built-in entity types; tenants may add their own (any upper-case identifier). */
export const PII_TYPES = [
  'PERSON',
  'PHONE',
  'EMAIL',
  'CN_ID',
  'BANK_CARD',
  'ADDRESS',
  'PASSPORT',
  'US_SSN',
  'IP_ADDRESS',
  'USCC',
  'LICENSE_PLATE',
  'DATE_OF_BIRTH',
] as const;
export type BuiltInPiiType = (typeof PII_TYPES)[number];

export const PiiTypeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'an upper-case entity type such as PHONE');
export type PiiType = z.infer<typeof PiiTypeSchema>;

export const PiiEntitySchema = z.object({
  type: PiiTypeSchema,
  /** JavaScript string indices, end exclusive. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** Confidence 0–1 after checksum and context adjustments. */
  score: z.number().min(0).max(1),
});
export type PiiEntity = z.infer<typeof PiiEntitySchema>;

export interface DetectOptions {
  lang?: 'zh' | 'en';
  /** Entities below this score are dropped (default chosen by the detector). */
  minScore?: number;
}

/** Finds personal data in text. Pure and synchronous: no I/O, bounded time on any input. */
export interface PiiDetector {
  detect(text: string, options?: DetectOptions): PiiEntity[];
}
