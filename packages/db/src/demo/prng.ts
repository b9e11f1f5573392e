/**
 * A small seeded random source (xmur3 to hash the seed, sfc32 to generate): the same seed string
 * always gives the same sequence, on every machine and Node version. Not for anything secret.
 */
export function createRandom(seed: string) {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i += 1) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next32 = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next32();
  let b = next32();
  let c = next32();
  let d = next32();

  /** [0, 1) */
  function next(): number {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;

  return {
    next,
    int,
    pick,
    chance,
    /** A value by weight: [[value, weight], …]. */
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of entries) if ((r -= w) < 0) return value;
      return entries[entries.length - 1]![0];
    },
    /** `count` distinct items, in the list's own order. */
    sample<T>(list: readonly T[], count: number): T[] {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(next() * list.length));
      return [...chosen].sort((x, y) => x - y).map((i) => list[i]!);
    },
    /** A v4-shaped uuid from this sequence. */
    uuid(): string {
      const hex = Array.from({ length: 16 }, () => int(0, 255));
      hex[6] = (hex[6]! & 0x0f) | 0x40;
      hex[8] = (hex[8]! & 0x3f) | 0x80;
      const s = hex.map((n) => n.toString(16).padStart(2, '0')).join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

export type Random = ReturnType<typeof createRandom>;
