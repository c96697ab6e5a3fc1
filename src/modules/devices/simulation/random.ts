// The simulator's randomness: a value is a pure function of (seed, what, when), never of the order things were
// generated in, so a reading at a given time is the same in the demo history, in a backfill and in a live run.

/** A 32-bit hash of a seed and integers (murmur3's finaliser over each). */
export function hash32(seed: number, ...parts: number[]): number {
  let h = seed >>> 0;
  for (const part of parts) {
    h = Math.imul(h ^ (Math.floor(part) | 0), 0x9e3779b1);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Uniform in [0, 1). */
export const uniform = (seed: number, ...parts: number[]) => hash32(seed, ...parts) / 4294967296;

/** Standard normal (Box–Muller over two hashed uniforms). */
export function normal(seed: number, ...parts: number[]): number {
  const u = Math.max(uniform(seed, ...parts, 1), 1e-12);
  const v = uniform(seed, ...parts, 2);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A seed from a text (a device's name or token), so a device keeps its own character across runs. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Smooth noise over days: hashed values at whole days, cosine-interpolated between them. */
export function smoothNoise(seed: number, day: number): number {
  const d0 = Math.floor(day);
  const f = (1 - Math.cos(Math.PI * (day - d0))) / 2;
  return normal(seed, d0) * (1 - f) + normal(seed, d0 + 1) * f;
}

const SYNODIC_DAYS = 29.530589;
const NEW_MOON_MS = Date.UTC(2000, 0, 6, 18, 14);

/** The moon's age in days (0 = new moon), a mean-motion approximation good to a day. */
export const moonAge = (at: number) => ((((at - NEW_MOON_MS) / 86_400_000) % SYNODIC_DAYS) + SYNODIC_DAYS) % SYNODIC_DAYS;
/** The lit fraction of the moon, 0 at new moon, 1 at full. */
export const moonLight = (at: number) => (1 - Math.cos((2 * Math.PI * moonAge(at)) / SYNODIC_DAYS)) / 2;
