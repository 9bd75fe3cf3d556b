/**
 * Small accessible SVG charts for the area pages: a line chart, a bar chart and a timeline with lanes. Each is a
 * `<figure role="img">` labelled by its title, with the figures repeated in a visually hidden table for screen
 * readers. Scales come from chart-scales.ts (pure, unit-tested); no chart library is needed for these three.
 */
import { Fragment } from 'react';
import { linearScale, niceTicks, textWidthPx, timeTicks, wrapLabel } from './chart-scales.ts';

const PALETTE = ['#1f5fa8', '#c0392b', '#2e8b57', '#b8860b', '#7b3fa0', '#d35400', '#16a085', '#555'];

export function paletteColor(k: number): string {
  return PALETTE[k % PALETTE.length] ?? '#555';
}

export interface LinePoint {
  readonly x: number;
  readonly y: number;
}

export interface LineSeries {
  readonly label: string;
  readonly points: readonly LinePoint[];
  readonly color?: string;
}

export interface LineChartProps {
  readonly title: string;
  readonly series: readonly LineSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xFormat?: (x: number) => string;
  readonly yFormat?: (y: number) => string;
  readonly yMin?: number;
  readonly yMax?: number;
  readonly width?: number;
  readonly height?: number;
}

const M = { top: 12, right: 16, bottom: 42, left: 56 } as const;

function fmt(v: number): string {
  return Math.abs(v) >= 1000 || Number.isInteger(v) ? v.toLocaleString('en-US') : v.toPrecision(3);
}

function Legend({ items }: { readonly items: readonly { label: string; color: string }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((it) => (
        <li key={it.label}>
          <span className="swatch" style={{ background: it.color }} aria-hidden="true" /> {it.label}
        </li>
      ))}
    </ul>
  );
}

/** Tick labels near either end are anchored inside the plot so they are not cut off. */
function edgeAnchor(x: number, label: string, left: number, right: number): 'start' | 'middle' | 'end' {
  const half = textWidthPx(label, 11) / 2;
  if (x + half > right + 10) return 'end';
  if (x - half < left - 40) return 'start';
  return 'middle';
}

export function LineChart(props: LineChartProps) {
  const width = props.width ?? 560;
  const height = props.height ?? 240;
  const xf = props.xFormat ?? fmt;
  const yf = props.yFormat ?? fmt;
  const all = props.series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const x0 = xs.length === 0 ? 0 : Math.min(...xs);
  const x1 = xs.length === 0 ? 1 : Math.max(...xs);
  const y0 = props.yMin ?? (ys.length === 0 ? 0 : Math.min(0, ...ys));
  const y1 = props.yMax ?? (ys.length === 0 ? 1 : Math.max(...ys));
  const sx = linearScale([x0, x1], [M.left, width - M.right]);
  const sy = linearScale([y0, y1], [height - M.bottom, M.top]);
  const yTicks = niceTicks(y0, y1, 5);
  const xTicks = niceTicks(x0, x1, 6);
  const colored = props.series.map((s, k) => ({ ...s, color: s.color ?? paletteColor(k) }));
  return (
    <figure className="chart" role="img" aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true">
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={M.left} x2={width - M.right} y1={sy(t)} y2={sy(t)} stroke="#ddd" />
            <text x={M.left - 6} y={sy(t) + 4} textAnchor="end" fontSize="11">
              {yf(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text
            key={`x${t}`}
            x={sx(t)}
            y={height - M.bottom + 16}
            textAnchor={edgeAnchor(sx(t), xf(t), M.left, width - M.right)}
            fontSize="11"
          >
            {xf(t)}
          </text>
        ))}
        <line x1={M.left} x2={width - M.right} y1={height - M.bottom} y2={height - M.bottom} stroke="#444" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={height - M.bottom} stroke="#444" />
        <text x={(M.left + width - M.right) / 2} y={height - 6} textAnchor="middle" fontSize="12">
          {props.xLabel}
        </text>
        <text
          x={12}
          y={(M.top + height - M.bottom) / 2}
          fontSize="12"
          textAnchor="middle"
          transform={`rotate(-90 12 ${(M.top + height - M.bottom) / 2})`}
        >
          {props.yLabel}
        </text>
        {colored.map((s) => (
          <g key={s.label}>
            <polyline
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              points={s.points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}
            />
            {s.points.map((p, k) => (
              <circle key={k} cx={sx(p.x)} cy={sy(p.y)} r={2.5} fill={s.color} />
            ))}
          </g>
        ))}
      </svg>
      {colored.length > 1 ? <Legend items={colored} /> : null}
      <table className="visually-hidden">
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.xLabel}</th>
            {colored.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...new Set(xs)]
            .sort((a, b) => a - b)
            .map((x) => (
              <tr key={x}>
                <th scope="row">{xf(x)}</th>
                {colored.map((s) => {
                  const p = s.points.find((q) => q.x === x);
                  return <td key={s.label}>{p === undefined ? '' : yf(p.y)}</td>;
                })}
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly color?: string;
}

export interface BarChartProps {
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly yLabel: string;
  readonly yFormat?: (y: number) => string;
  readonly yMax?: number;
  readonly width?: number;
  readonly height?: number;
}

export function BarChart(props: BarChartProps) {
  const width = props.width ?? 560;
  const n0 = Math.max(1, props.bars.length);
  const lines = Math.max(
    1,
    ...props.bars.map((b) => wrapLabel(b.label, (width - M.left - M.right) / n0 - 6, 11).length),
  );
  const height = (props.height ?? 220) + (lines - 1) * 13;
  const yf = props.yFormat ?? fmt;
  const yMax = props.yMax ?? Math.max(1e-9, ...props.bars.map((b) => b.value));
  const bottom = M.bottom + (lines - 1) * 13;
  const sy = linearScale([0, yMax], [height - bottom, M.top]);
  const n = n0;
  const slot = (width - M.left - M.right) / n;
  const barW = Math.min(60, slot * 0.7);
  return (
    <figure className="chart" role="img" aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true">
        {niceTicks(0, yMax, 4).map((t) => (
          <g key={t}>
            <line x1={M.left} x2={width - M.right} y1={sy(t)} y2={sy(t)} stroke="#ddd" />
            <text x={M.left - 6} y={sy(t) + 4} textAnchor="end" fontSize="11">
              {yf(t)}
            </text>
          </g>
        ))}
        {props.bars.map((b, k) => {
          const cx = M.left + slot * (k + 0.5);
          const top = sy(Math.max(0, b.value));
          return (
            <g key={b.label}>
              <rect
                x={cx - barW / 2}
                y={top}
                width={barW}
                height={Math.max(0, height - bottom - top)}
                fill={b.color ?? paletteColor(k)}
              />
              <text x={cx} y={top - 4} textAnchor="middle" fontSize="11">
                {yf(b.value)}
              </text>
              <text x={cx} y={height - bottom + 16} textAnchor="middle" fontSize="11">
                {wrapLabel(b.label, slot - 6, 11).map((l, i) => (
                  <tspan key={i} x={cx} dy={i === 0 ? 0 : 13}>
                    {l}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        <line x1={M.left} x2={width - M.right} y1={height - bottom} y2={height - bottom} stroke="#444" />
        <text
          x={12}
          y={(M.top + height - bottom) / 2}
          fontSize="12"
          textAnchor="middle"
          transform={`rotate(-90 12 ${(M.top + height - bottom) / 2})`}
        >
          {props.yLabel}
        </text>
      </svg>
      <table className="visually-hidden">
        <caption>{props.title}</caption>
        <tbody>
          {props.bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{yf(b.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export interface TimelineItem {
  readonly startMs: number;
  readonly endMs?: number;
  readonly label: string;
  /** `done`, `planned`, `overdue`, `cancelled` get their own colours; other states use `color` or grey. */
  readonly state: string;
  readonly color?: string;
}

export interface TimelineLane {
  readonly label: string;
  readonly items: readonly TimelineItem[];
}

export interface TimelineChartProps {
  readonly title: string;
  readonly lanes: readonly TimelineLane[];
  readonly nowMs?: number;
  /** The time span shown, [start, end] ms; default: the items' span, at least one day. */
  readonly domain?: readonly [number, number];
  readonly xFormat?: (ms: number) => string;
  readonly width?: number;
  /** Legend texts for the states, in the page's language. */
  readonly stateLabels?: Readonly<Record<string, string>>;
}

export const STATE_COLORS: Readonly<Record<string, string>> = {
  done: '#2e8b57',
  planned: '#1f5fa8',
  overdue: '#c0392b',
  cancelled: '#999',
};

export function TimelineChart(props: TimelineChartProps) {
  const width = props.width ?? 720;
  const laneH = 26;
  const left = Math.min(280, 16 + Math.max(60, ...props.lanes.map((l) => textWidthPx(l.label, 12))));
  const height = M.top + props.lanes.length * laneH + 34;
  const times = props.lanes.flatMap((l) => l.items.flatMap((i) => [i.startMs, i.endMs ?? i.startMs]));
  if (props.nowMs !== undefined) times.push(props.nowMs);
  const t0 = props.domain?.[0] ?? (times.length === 0 ? 0 : Math.min(...times));
  const t1 = props.domain?.[1] ?? (times.length === 0 ? 1 : Math.max(...times, t0 + 86_400_000));
  const sx = linearScale([t0, t1], [left, width - M.right]);
  const xf = props.xFormat ?? ((ms: number) => new Date(ms).toISOString().slice(0, 10));
  const color = (i: TimelineItem) => i.color ?? STATE_COLORS[i.state] ?? '#777';
  const stateColors = new Map<string, string>();
  for (const l of props.lanes)
    for (const i of l.items) if (!stateColors.has(i.state)) stateColors.set(i.state, color(i));
  return (
    <figure className="chart" role="img" aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true">
        {timeTicks(t0, t1, 6).map((t) => (
          <g key={t}>
            <line x1={sx(t)} x2={sx(t)} y1={M.top} y2={height - 28} stroke="#eee" />
            <text x={sx(t)} y={height - 14} textAnchor="middle" fontSize="11">
              {xf(t)}
            </text>
          </g>
        ))}
        {props.lanes.map((lane, k) => {
          const y = M.top + k * laneH;
          return (
            <g key={lane.label}>
              <text x={left - 8} y={y + laneH / 2 + 4} textAnchor="end" fontSize="12">
                {lane.label}
              </text>
              <line x1={left} x2={width - M.right} y1={y + laneH / 2} y2={y + laneH / 2} stroke="#ccc" />
              {lane.items.map((it, j) => (
                <Fragment key={j}>
                  {it.endMs !== undefined && it.endMs > it.startMs ? (
                    <rect
                      x={sx(it.startMs)}
                      y={y + 6}
                      width={Math.max(3, sx(it.endMs) - sx(it.startMs))}
                      height={laneH - 12}
                      fill={color(it)}
                      rx={3}
                    />
                  ) : (
                    <circle cx={sx(it.startMs)} cy={y + laneH / 2} r={6} fill={color(it)} />
                  )}
                </Fragment>
              ))}
            </g>
          );
        })}
        {props.nowMs === undefined ? null : (
          <line
            x1={sx(props.nowMs)}
            x2={sx(props.nowMs)}
            y1={M.top - 4}
            y2={height - 28}
            stroke="#000"
            strokeDasharray="4 3"
          />
        )}
      </svg>
      <Legend items={[...stateColors].map(([s, c]) => ({ label: props.stateLabels?.[s] ?? s, color: c }))} />
      <table className="visually-hidden">
        <caption>{props.title}</caption>
        <tbody>
          {props.lanes.flatMap((lane) =>
            lane.items.map((it, j) => (
              <tr key={`${lane.label}-${j}`}>
                <th scope="row">{lane.label}</th>
                <td>{it.label}</td>
                <td>{xf(it.startMs)}</td>
                <td>{props.stateLabels?.[it.state] ?? it.state}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </figure>
  );
}
