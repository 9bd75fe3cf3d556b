/** Small pieces shared by the drill views: the API error line, the busy line, the map legend, the clock line. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client.ts';
import type { FeatureCollection } from 'geojson';
import { formatSimTime, legendEntries, liveSimS, simUtc, unitColorOf } from './drill-model.ts';

/** A bordered box around a form or a card (the shell's `.panel` is the case page's fixed-width sidebar). */
export const BOX = {
  border: '1px solid #ccd5df',
  borderRadius: '4px',
  padding: '0.5rem 0.9rem',
  margin: '0.6rem 0',
} as const;

/** The API's message (or the error's) for the page. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.field === undefined ? err.message : `${err.message} (${err.field})`;
  return err instanceof Error ? err.message : String(err);
}

export function ErrorLine({ error }: { readonly error: string | undefined }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  return (
    <p role="alert" className="error">
      {t('drills.page.error', { message: error })}
    </p>
  );
}

export function BusyLine({ text }: { readonly text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <p role="status" aria-busy="true" className="hint">
      <progress aria-label={text} /> {text}
    </p>
  );
}

/**
 * One long action at a time per view: `run(busyText, fn)` shows the busy text, clears or sets the error with the
 * API's message, and returns fn's result (undefined on error).
 */
export function useAction(): {
  busy: string | undefined;
  error: string | undefined;
  setError: (e: string | undefined) => void;
  run: <T>(busyText: string, fn: () => Promise<T>) => Promise<T | undefined>;
} {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const run = useCallback(async <T,>(busyText: string, fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(busyText);
    setError(undefined);
    try {
      return await fn();
    } catch (err) {
      setError(errorMessage(err));
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }, []);
  return { busy, error, setError, run };
}

/** The legend beside an overlay map (the map carries no text): what the map shows, in its colours. */
export function MapLegend({ data }: { readonly data: FeatureCollection }) {
  const { t } = useTranslation();
  return (
    <figure className="chart-legend" aria-label={t('drills.map.legend')} data-testid="map-legend">
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {legendEntries(data).map((e) => (
          <li key={e.key}>
            <span className="swatch" style={{ background: e.color }} aria-hidden="true" /> {t(`drills.map.${e.key}`)}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A unit's colour on the maps, beside its name in tables. */
export function UnitSwatch({ color }: { readonly color: string }) {
  return <span className="swatch" style={{ background: color }} aria-hidden="true" />;
}

/** The units of both nations with their platform and state, each beside its map colour. */
export function UnitStatesTable(props: {
  readonly units: readonly {
    readonly id: string;
    readonly name: string;
    readonly nation: string;
    readonly platform: string;
    readonly status: string;
  }[];
  /** The ids whose order fixes each unit's colour on the maps. */
  readonly unitIds: readonly string[];
  readonly headingId: string;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={props.headingId}>
      <h3 id={props.headingId}>{t('drills.units.heading')}</h3>
      <table className="plan" data-testid={props.testId}>
        <thead>
          <tr>
            <th>{t('drills.units.name')}</th>
            <th>{t('drills.units.nation')}</th>
            <th>{t('drills.units.platform')}</th>
            <th>{t('drills.units.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.units.map((u) => (
            <tr key={u.id}>
              <td>
                <UnitSwatch color={unitColorOf(props.unitIds, u.id)} /> {u.name}
              </td>
              <td>{u.nation}</td>
              <td>{t(`drills.units.${u.platform}`, { defaultValue: u.platform })}</td>
              <td>{t(`drills.units.${u.status.replace('-', '_')}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Drill time and its UTC instant; while the clock runs it ticks every second between server reads. */
export function SimClockLine(props: {
  readonly startTimeS: number;
  readonly atS: number;
  readonly running?: { readonly factor: number; readonly durationS: number } | undefined;
}) {
  const { startTimeS, atS, running } = props;
  const { t } = useTranslation();
  const readAt = useRef({ atS, ms: Date.now() });
  if (readAt.current.atS !== atS) readAt.current = { atS, ms: Date.now() };
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (running === undefined) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const shown = Math.floor(
    liveSimS(atS, readAt.current.ms, now, {
      running: running !== undefined,
      factor: running?.factor ?? 0,
      durationS: running?.durationS ?? atS,
    }),
  );
  return (
    <span data-testid="sim-clock">
      {t('drills.clock.simTime')}: <strong>{formatSimTime(shown)}</strong> · {t('drills.clock.utc')}:{' '}
      {simUtc(startTimeS, shown)}
    </span>
  );
}
