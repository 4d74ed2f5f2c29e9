/** @module Seeded randomness for reproducible simulations (mulberry32) and the draws they need. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  exponential(mean: number): number;
}

export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    exponential: (mean) => -mean * Math.log(1 - next()),
  };
}
