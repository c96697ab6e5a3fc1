/** A small seeded generator (mulberry32): the same seed gives the same cases, so a failure can be replayed. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Some of the items (each kept with probability p), in their order. */
  some<T>(items: readonly T[], p: number): T[];
}

export function rng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (!items.length) throw new Error('pick from nothing');
      return items[int(0, items.length - 1)]!;
    },
    some: (items, p) => items.filter(() => next() < p),
  };
}

/** A 32-bit hash of a text (FNV-1a): one case's seed from the run's seed, the pass, the route and the case number. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const caseSeed = (seed: number, pass: string, route: string, n: number) => hash(`${seed}|${pass}|${route}|${n}`);
