/**
 * Checks a `DriftConfig` before a run, whoever built it (the scenario parser, the server, a test): every
 * rejection is a `TandemError` naming the field, so the engine never meets a NaN position, a negative count
 * or an output step the time step does not divide.
 */
import { TandemError } from '../errors/index.ts';
import type { DriftConfig, LeewayCategory, Seeding } from './drift-config.ts';

/** Largest particle count one run accepts (memory: about 20 bytes per particle per output time). */
const MAX_PARTICLES = 10_000_000;

function finite(v: number, field: string, what: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new TandemError('INVALID_INPUT', `${what} must be a finite number`, field);
}

function position(lonDeg: number, latDeg: number, at: string): void {
  finite(lonDeg, `${at}.lon`, 'longitude');
  finite(latDeg, `${at}.lat`, 'latitude');
  if (lonDeg < -180 || lonDeg > 360)
    throw new TandemError('OUT_OF_RANGE', `longitude ${lonDeg} is outside [-180, 360]`, `${at}.lon`);
  if (latDeg < -89 || latDeg > 89)
    throw new TandemError('OUT_OF_RANGE', `latitude ${latDeg} is outside [-89, 89]`, `${at}.lat`);
}

function radius(r: number, field: string): void {
  finite(r, field, 'radius (m)');
  if (r < 0 || r > 1e6) throw new TandemError('OUT_OF_RANGE', `radius ${r} m is outside [0, 1000000]`, field);
}

function category(c: LeewayCategory, field: string): void {
  const nums = [
    c.downwindSlopePct,
    c.downwindOffsetCmS,
    c.downwindStdCmS,
    c.crosswindRightSlopePct,
    c.crosswindRightOffsetCmS,
    c.crosswindRightStdCmS,
    c.crosswindLeftSlopePct,
    c.crosswindLeftOffsetCmS,
    c.crosswindLeftStdCmS,
  ];
  if (!nums.every((v) => Number.isFinite(v))) {
    throw new TandemError('INVALID_INPUT', 'category coefficients must be finite', field);
  }
  if (c.downwindStdCmS < 0 || c.crosswindLeftStdCmS < 0 || c.crosswindRightStdCmS < 0) {
    throw new TandemError('OUT_OF_RANGE', 'standard deviations must be >= 0', field);
  }
  if (c.downwindSlopePct < 0 && c.downwindStdCmS === 0) {
    throw new TandemError('OUT_OF_RANGE', 'a negative downwind slope needs a positive standard deviation', field);
  }
}

function seeding(s: Seeding, i: number): void {
  const at = `seed[${i}]`;
  if (!Number.isInteger(s.count) || s.count < 0 || s.count > MAX_PARTICLES) {
    throw new TandemError('OUT_OF_RANGE', `count must be an integer in [0, ${MAX_PARTICLES}]`, `${at}.count`);
  }
  finite(s.weight, `${at}.weight`, 'weight');
  if (s.weight < 0) throw new TandemError('OUT_OF_RANGE', 'weight must be >= 0', `${at}.weight`);
  category(s.category, `${at}.object`);
  if (s.radiusType !== 'gaussian' && s.radiusType !== 'uniform') {
    throw new TandemError('INVALID_INPUT', 'radiusType must be "gaussian" or "uniform"', `${at}.radiusType`);
  }
  if (s.kind === 'point') {
    position(s.lonDeg, s.latDeg, at);
    radius(s.radiusM, `${at}.radiusM`);
    const [t0, t1] = s.timeWindowS;
    finite(t0, `${at}.time`, 'release time');
    finite(t1, `${at}.timeWindow[1]`, 'release time');
    if (t1 < t0) throw new TandemError('OUT_OF_RANGE', 'the window ends before it starts', `${at}.timeWindow`);
  } else if (s.kind === 'cone') {
    for (const end of ['from', 'to'] as const) {
      const p = s[end];
      position(p.lonDeg, p.latDeg, `${at}.cone.${end}`);
      radius(p.radiusM, `${at}.cone.${end}.radiusM`);
      finite(p.timeS, `${at}.cone.${end}.time`, 'time');
    }
  } else {
    throw new TandemError('INVALID_INPUT', 'unknown seeding kind', `${at}`);
  }
}

/** Throws a `TandemError` naming the first invalid field; returns the total particle count. */
export function validateDriftConfig(config: DriftConfig): number {
  if (config.seedings.length === 0) throw new TandemError('INVALID_INPUT', 'at least one seeding is needed', 'seed');
  let total = 0;
  config.seedings.forEach((s, i) => {
    seeding(s, i);
    total += s.count;
  });
  if (total === 0) throw new TandemError('OUT_OF_RANGE', 'the run seeds no particles', 'seed.count');
  if (total > MAX_PARTICLES)
    throw new TandemError('OUT_OF_RANGE', `more than ${MAX_PARTICLES} particles`, 'seed.count');
  const { run, options } = config;
  finite(run.startTimeS, 'run.startTime', 'start time');
  finite(run.durationS, 'run.durationS', 'duration');
  finite(run.timeStepS, 'run.timeStepS', 'time step');
  finite(run.outputStepS, 'run.outputStepS', 'output step');
  if (!(run.timeStepS > 0)) throw new TandemError('OUT_OF_RANGE', 'the time step must be > 0 s', 'run.timeStepS');
  if (!(run.durationS > 0)) throw new TandemError('OUT_OF_RANGE', 'the duration must be > 0 s', 'run.durationS');
  if (!(run.outputStepS > 0)) throw new TandemError('OUT_OF_RANGE', 'the output step must be > 0 s', 'run.outputStepS');
  const perOutput = run.outputStepS / run.timeStepS;
  if (Math.abs(perOutput - Math.round(perOutput)) > 1e-9) {
    throw new TandemError(
      'INVALID_INPUT',
      `the output step ${run.outputStepS} s is not a whole multiple of the time step ${run.timeStepS} s`,
      'run.outputStepS',
    );
  }
  const steps = run.durationS / run.timeStepS;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    throw new TandemError(
      'INVALID_INPUT',
      `the duration ${run.durationS} s is not a whole multiple of the time step ${run.timeStepS} s`,
      'run.durationS',
    );
  }
  if (steps > 1e6) throw new TandemError('OUT_OF_RANGE', 'more than 1,000,000 time steps', 'run.durationS');
  const outputs = Math.floor(run.durationS / run.outputStepS) + 2;
  if (outputs * total > 2e9) {
    throw new TandemError(
      'OUT_OF_RANGE',
      `${outputs} output times x ${total} particles is too much output`,
      'run.outputStepS',
    );
  }
  if (!Number.isInteger(run.rngSeed))
    throw new TandemError('INVALID_INPUT', 'the seed must be an integer', 'run.rngSeed');
  const p = options.jibeProbabilityPerHour;
  if (!(p >= 0 && p <= 1)) {
    throw new TandemError(
      'OUT_OF_RANGE',
      'the jibing probability per hour must be in [0, 1]',
      'options.jibeProbabilityPerHour',
    );
  }
  if (options.coastlineAction !== 'stranding' && options.coastlineAction !== 'previous') {
    throw new TandemError(
      'INVALID_INPUT',
      'coastlineAction must be "stranding" or "previous"',
      'options.coastlineAction',
    );
  }
  return total;
}
