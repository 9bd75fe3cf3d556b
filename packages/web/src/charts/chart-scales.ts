/** Scales and tick choices for the SVG charts (pure functions, unit-tested). */

/** Maps `domain` linearly onto `range`; a zero-width domain maps everything to the range's middle. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0 || !Number.isFinite(d0) || !Number.isFinite(d1)) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/**
 * About `count` round tick values covering [lo, hi]: steps of 1, 2 or 5 × 10ⁿ (the usual "nice numbers" rule,
 * Heckbert 1990, Graphics Gems I).
 */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9) * step;
  for (let v = first; v <= hi + step * 1e-9 && out.length < 100; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const DAY_MS = 86_400_000;

const HOUR_MS = 3_600_000;
const HOUR_STEPS = [1, 2, 3, 6, 12] as const;

/** Tick times for a time axis in UTC: whole hours, days, weeks, months or years, about `count` of them. */
export function timeTicks(t0Ms: number, t1Ms: number, count: number): number[] {
  if (!Number.isFinite(t0Ms) || !Number.isFinite(t1Ms) || t1Ms <= t0Ms) return [];
  const spanDays = (t1Ms - t0Ms) / DAY_MS;
  const out: number[] = [];
  const hoursPerTick = (t1Ms - t0Ms) / HOUR_MS / Math.max(1, count);
  if (hoursPerTick <= 12) {
    const step = (HOUR_STEPS.find((h) => h >= hoursPerTick) ?? 12) * HOUR_MS;
    for (let t = Math.ceil(t0Ms / step) * step; t <= t1Ms && out.length < 100; t += step) out.push(t);
    return out;
  }
  if (spanDays / count <= 3) {
    const stepDays = Math.max(1, Math.round(spanDays / count));
    for (let t = Math.ceil(t0Ms / DAY_MS) * DAY_MS; t <= t1Ms && out.length < 100; t += stepDays * DAY_MS) out.push(t);
    return out;
  }
  if (spanDays / count <= 20) {
    for (let t = Math.ceil(t0Ms / (7 * DAY_MS)) * 7 * DAY_MS; t <= t1Ms && out.length < 100; t += 7 * DAY_MS) {
      out.push(t);
    }
    return out;
  }
  const monthsPerTick = Math.max(1, Math.round(spanDays / 30.4 / count));
  const start = new Date(t0Ms);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + 1;
  for (;;) {
    if (m > 11) {
      y += Math.floor(m / 12);
      m %= 12;
    }
    const t = Date.UTC(y, m, 1);
    if (t > t1Ms || out.length >= 100) break;
    if (m % monthsPerTick === 0 || monthsPerTick === 1) out.push(t);
    m += 1;
  }
  return out;
}

/** Rough rendered width of a label at `fontPx` (CJK characters are about twice as wide as Latin ones). */
export function textWidthPx(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.58;
  return w * fontPx;
}

/** Breaks a label into lines no wider than `maxPx` (at word boundaries; long words and CJK text by characters). */
export function wrapLabel(text: string, maxPx: number, fontPx: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens = text.includes(' ') ? text.split(/(?<= )/) : [...text];
  for (const tok of tokens) {
    if (line !== '' && textWidthPx(line + tok, fontPx) > maxPx) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += tok;
  }
  if (line !== '') lines.push(line.trimEnd());
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`;
    return kept;
  }
  return lines;
}
