/**
 * Builds a drift run's environment from the serializable scenario: constant and time-series forcing become core
 * sources, file forcing is opened by @tandem/formats (NetCDF/GRIB, with the user's explicit fallback if any),
 * and `coast.landMask` becomes a LandMask (`"none"` maps to core's NO_LAND, which the engine skips entirely).
 * Each worker thread calls this itself, so nothing unserializable crosses threads. @tandem/formats is loaded only
 * when files or a land mask are needed, which keeps worker start-up short for constant-forcing runs.
 */
import { NO_LAND, VECTOR_FIELD_STANDARD_NAMES, combineSources, constantSource, timeSeriesSource } from '@tandem/core';
import type {
  DriftEnvironment,
  EnvironmentSource,
  ParsedDriftScenario,
  VectorField,
  VectorForcingSpec,
} from '@tandem/core';

export interface BuiltEnvironment {
  readonly env: DriftEnvironment;
  /** Releases open files. */
  close(): void;
}

async function buildSource(
  field: VectorField,
  spec: VectorForcingSpec,
  closers: (() => void)[],
): Promise<EnvironmentSource> {
  const path = `forcing.${field}`;
  if (spec.kind === 'constant') return constantSource(field, spec.value, path);
  if (spec.kind === 'series') return timeSeriesSource(field, spec.samples, `${path}.series`);
  const [xName, yName] = VECTOR_FIELD_STANDARD_NAMES[field];
  const x = spec.variables?.[xName];
  const y = spec.variables?.[yName];
  const { openGriddedSource } = await import('@tandem/formats');
  const src = await openGriddedSource(
    spec.paths,
    field,
    x !== undefined && y !== undefined ? { variables: { x, y } } : {},
  );
  closers.push(() => src.close());
  if (spec.fallback === undefined) return src;
  return combineSources([src], { fallback: constantSource(field, spec.fallback, `${path}.fallback`) });
}

/** Open the forcing and coastline of `scenario`; relative paths resolve against `baseDir`. */
export async function buildEnvironment(scenario: ParsedDriftScenario, baseDir: string): Promise<BuiltEnvironment> {
  const closers: (() => void)[] = [];
  const close = (): void => {
    for (const c of closers.splice(0)) {
      try {
        c();
      } catch {
        // Closing is best effort: the run's result does not depend on it.
      }
    }
  };
  try {
    const wind = await buildSource('wind', scenario.forcing.wind, closers);
    const current = await buildSource('current', scenario.forcing.current, closers);
    const land =
      scenario.coast.landMask === 'none'
        ? NO_LAND
        : await (await import('@tandem/formats')).readLandMask(scenario.coast, baseDir);
    return { env: { wind, current, land }, close };
  } catch (err) {
    close();
    throw err;
  }
}
