/**
 * A source holding one vector field constant in space and time (OpenDrift's constant reader): the user's
 * "wind 10 m/s toward east" or "current 0.3 m/s toward north". Covers the whole Earth at all times.
 */
import { TandemError } from '../errors/index.ts';
import type { EnvironmentSource, SampleOutput, SampleRequest, VectorField } from './environment-source.ts';
import { SampleStatus } from './environment-source.ts';

/** An east/north vector in m/s (wind blowing toward, current flowing toward). */
export interface EastNorthMps {
  readonly eastMps: number;
  readonly northMps: number;
}

/**
 * A constant `field` of `value` m/s. `fieldPath` names the input in errors (e.g. `forcing.wind`).
 * Sampling any other field writes NaN with status `NoField`.
 */
export function constantSource(
  field: VectorField,
  value: EastNorthMps,
  fieldPath = `forcing.${field}`,
): EnvironmentSource {
  const east = value.eastMps;
  const north = value.northMps;
  if (!Number.isFinite(east))
    throw new TandemError('INVALID_INPUT', 'must be a finite number (m/s)', `${fieldPath}.eastMps`);
  if (!Number.isFinite(north)) {
    throw new TandemError('INVALID_INPUT', 'must be a finite number (m/s)', `${fieldPath}.northMps`);
  }
  const speed = Math.hypot(east, north);
  const toDeg = speed === 0 ? 0 : ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360;
  return {
    name: `constant ${field} ${speed.toFixed(2)} m/s toward ${toDeg.toFixed(0).padStart(3, '0')}`,
    fields: [field],
    coverage: { bboxDeg: null, timeRange: null },
    sample(f: VectorField, req: SampleRequest, out: SampleOutput): void {
      const ok = f === field;
      fillConstant(req, out, ok ? east : NaN, ok ? north : NaN, ok ? SampleStatus.Ok : SampleStatus.NoField);
    },
  };
}

/** Write one value and status to every requested (and unmasked) point. */
export function fillConstant(req: SampleRequest, out: SampleOutput, east: number, north: number, status: number): void {
  const { start, end, activeMask } = req;
  const e = out.eastMps;
  const n = out.northMps;
  const s = out.status;
  if (activeMask === undefined) {
    e.fill(east, start, end);
    n.fill(north, start, end);
    s.fill(status, start, end);
    return;
  }
  for (let i = start; i < end; i++) {
    if (activeMask[i] === 0) continue;
    e[i] = east;
    n[i] = north;
    s[i] = status;
  }
}
