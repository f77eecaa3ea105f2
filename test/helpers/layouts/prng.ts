/**
 * A small seeded PRNG (mulberry32) and the draws the generators need. Property tests must replay a
 * failing seed exactly, so nothing here may touch Math.random or the clock.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // Mix the seed so that neighbouring seeds (0, 1, 2…) start far apart.
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An independent stream, so that adding a draw in one place does not shift every later one. */
  fork(salt: number): Rng {
    return new Rng((Math.floor(this.next() * 0x7fffffff) ^ Math.imul(salt, 0x27d4eb2d)) >>> 0);
  }

  /** Mostly small counts, as real reports have: 0 most of the time, now and then a large one. */
  count(scale: 'zero' | 'small' | 'large'): number {
    if (scale === 'zero') return 0;
    const r = this.next();
    if (scale === 'small') return r < 0.6 ? 0 : r < 0.9 ? this.int(1, 5) : this.int(6, 40);
    return r < 0.3 ? 0 : r < 0.6 ? this.int(1, 20) : r < 0.9 ? this.int(21, 400) : this.int(401, 20000);
  }
}
