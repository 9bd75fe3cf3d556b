/**
 * Seeded randomness. Nothing in core reads Math.random: every stochastic function takes an `Rng` or a
 * `ParticleStreams`. The generator is Mulberry32 (T. Ettinger, 2017; a 32-bit state with a Weyl increment
 * and a murmur-style output mix), with states derived by SplitMix32-style hashing of (seed, stream) so that
 * each particle has its own independent, reproducible stream whatever the number of threads (ADR 0003).
 */

/** A seeded stream of random numbers. */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

const WEYL = 0x6d2b79f5;

/** Hash a (seed, stream) pair into a 32-bit state (SplitMix32 finaliser, Steele, Lea & Flood 2014). */
export function mixSeed(seed: number, stream: number): number {
  let z = (Math.imul(seed | 0, 0x9e3779b9) ^ Math.imul((stream | 0) + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function mulberryOut(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const TWO_PI = 2 * Math.PI;

/** A single seeded stream, for everything that is not per particle. */
export function createRng(seed: number, stream = 0): Rng {
  let state = mixSeed(seed, stream);
  const uniform = (): number => {
    state = (state + WEYL) | 0;
    return mulberryOut(state);
  };
  return {
    uniform,
    normal(): number {
      let u = uniform();
      while (u === 0) u = uniform();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(TWO_PI * uniform());
    },
    int(n: number): number {
      return Math.floor(uniform() * n);
    },
  };
}

/**
 * One random stream per particle, as a struct-of-arrays state (a Uint32Array), so that particle i's draws
 * depend only on (seed, i) and never on how particles are split across threads.
 */
export class ParticleStreams {
  readonly state: Uint32Array;

  constructor(state: Uint32Array) {
    this.state = state;
  }

  /** Streams for particles [firstIndex, firstIndex + count) of a run seeded with `seed`. */
  static create(seed: number, count: number, firstIndex = 0): ParticleStreams {
    const s = new Uint32Array(count);
    for (let i = 0; i < count; i++) s[i] = mixSeed(seed, firstIndex + i);
    return new ParticleStreams(s);
  }

  /** Uniform in [0, 1) from particle i's stream. */
  uniform(i: number): number {
    const st = ((this.state[i] as number) + WEYL) | 0;
    this.state[i] = st;
    return mulberryOut(st);
  }

  /** Standard normal from particle i's stream (Box–Muller, one value per call). */
  normal(i: number): number {
    let u = this.uniform(i);
    while (u === 0) u = this.uniform(i);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(TWO_PI * this.uniform(i));
  }
}
