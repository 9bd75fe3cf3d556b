/**
 * A hand-entered time series of one vector field, uniform in space: linear in time between samples (as
 * gridded sources are, `sar-method.md` §1). Outside the series' time range it has no data: NaN with status
 * `OutsideTime`, so the engine stops the particle and reports it rather than extrapolating silently.
 */
import { TandemError } from '../errors/index.ts';
import type { EpochSeconds } from '../units/index.ts';
import type { EnvironmentSource, SampleOutput, SampleRequest, VectorField } from './environment-source.ts';
import { SampleStatus } from './environment-source.ts';
import { fillConstant } from './constant-source.ts';

/** One sample: time (epoch seconds UTC) and the east/north vector in m/s. */
export interface TimeSeriesSample {
  readonly timeS: EpochSeconds | number;
  readonly eastMps: number;
  readonly northMps: number;
}

/**
 * A time-series `field` from `samples` (at least one; strictly increasing times). `fieldPath` names the input
 * in errors (e.g. `forcing.wind.series`).
 */
export function timeSeriesSource(
  field: VectorField,
  samples: readonly TimeSeriesSample[],
  fieldPath = `forcing.${field}.series`,
): EnvironmentSource {
  const n = samples.length;
  if (n === 0) throw new TandemError('INVALID_INPUT', 'a time series needs at least one sample', fieldPath);
  const times = new Float64Array(n);
  const east = new Float64Array(n);
  const north = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const s = samples[k] as TimeSeriesSample;
    const at = `${fieldPath}[${k}]`;
    if (!Number.isFinite(s.timeS))
      throw new TandemError('INVALID_INPUT', 'time must be a finite epoch time', `${at}.time`);
    if (!Number.isFinite(s.eastMps)) throw new TandemError('INVALID_INPUT', 'must be finite (m/s)', `${at}.eastMps`);
    if (!Number.isFinite(s.northMps)) throw new TandemError('INVALID_INPUT', 'must be finite (m/s)', `${at}.northMps`);
    if (k > 0 && s.timeS <= (times[k - 1] as number)) {
      throw new TandemError('INVALID_INPUT', 'sample times must be strictly increasing', `${at}.time`);
    }
    times[k] = s.timeS;
    east[k] = s.eastMps;
    north[k] = s.northMps;
  }
  const t0 = times[0] as number;
  const t1 = times[n - 1] as number;
  return {
    name: `${field} time series (${n} samples)`,
    fields: [field],
    coverage: { bboxDeg: null, timeRange: [t0 as EpochSeconds, t1 as EpochSeconds] },
    sample(f: VectorField, req: SampleRequest, out: SampleOutput): void {
      const t = req.timeS;
      if (f !== field) return fillConstant(req, out, NaN, NaN, SampleStatus.NoField);
      if (!(t >= t0 && t <= t1)) return fillConstant(req, out, NaN, NaN, SampleStatus.OutsideTime);
      let k = 0;
      while (k < n - 2 && (times[k + 1] as number) < t) k++;
      if (n === 1) return fillConstant(req, out, east[0] as number, north[0] as number, SampleStatus.Ok);
      const ta = times[k] as number;
      const tb = times[k + 1] as number;
      const w = (t - ta) / (tb - ta);
      const e = (east[k] as number) + w * ((east[k + 1] as number) - (east[k] as number));
      const no = (north[k] as number) + w * ((north[k + 1] as number) - (north[k] as number));
      fillConstant(req, out, e, no, SampleStatus.Ok);
    },
  };
}
