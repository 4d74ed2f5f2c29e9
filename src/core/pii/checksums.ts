/**
 * @module Check-digit algorithms that decide whether a number-shaped string is really an ID:
 * Luhn (bank cards), GB 11643-1999 ISO 7064 MOD 11-2 (resident ID) and GB 32100-2015 (unified
 * social credit code). Each takes the compact form (no spaces or dashes).
 */

/** Luhn: double every second digit from the right; the sum must be ≡ 0 mod 10. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit to append to `payload`. */
export function luhnCheckDigit(payload: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(payload + d)) return d;
  /* c8 ignore next */
  return -1;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** GB 11643 check character for the first 17 digits, or null if they are not 17 digits. */
export function cnIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** True when the 18th character matches the GB 11643 check (lowercase x accepted). */
export function cnIdChecksumValid(id18: string): boolean {
  if (id18.length !== 18) return false;
  return cnIdCheckChar(id18.slice(0, 17)) === id18[17]!.toUpperCase();
}

// Only the alphabet GB 32100 allows: no I, O, S, V, Z.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100 check character for the first 17 characters, or null if they use another alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * Full GB 32100 validation: 18 characters of the code alphabet, the first 8 digits (registration
 * authority, organisation type and the 6-digit area code), and a matching check character.
 */
export function usccValid(code: string): boolean {
  if (!/^\d{8}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}
