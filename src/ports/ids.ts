/** @module Id generation port: random UUIDs in production, predictable ids in tests. */
export interface Ids {
  /** A new id with a readable prefix, e.g. `conv_…`. */
  next(prefix: string): string;
}

export const randomIds: Ids = {
  next: (prefix) => `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`,
};

export function createSequentialIds(): Ids {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${String(n).padStart(6, '0')}`;
    },
  };
}
