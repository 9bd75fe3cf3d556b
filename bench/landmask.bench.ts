/**
 * Land-mask benchmark: build time of the Natural Earth 10 m index (read + TopoJSON decode + index) and of the
 * GSHHG raster masks, and point-query costs in two access patterns:
 * - "cloud": 10,000 particles in a 0.3° box, queried 100 times while the cloud shifts east (as the drift
 *   engine does each step: the part of the index in use stays in cache);
 * - "scatter": 2,000,000 points uniform over a box of several degrees (cache misses dominate).
 * Times are per query, from wall clock and from this process's CPU time (the CPU figure is steadier when
 * the machine is shared).
 */
import { fileURLToPath } from 'node:url';
import { naturalEarthLandMask, readNetcdfLandMask } from '@tandem/formats';
import type { LandMask } from '@tandem/core';

const data = fileURLToPath(new URL('../data/forcing/', import.meta.url));

function uniform(n: number, west: number, south: number, east: number, north: number) {
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  let s = 12345;
  for (let k = 0; k < n; k++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    lon[k] = west + (s / 2 ** 32) * (east - west);
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    lat[k] = south + (s / 2 ** 32) * (north - south);
  }
  return { lon, lat };
}

interface Pattern {
  readonly name: string;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly repeats: number;
  /** Eastward shift per repeat, degrees. */
  readonly shiftDeg: number;
}

const cloud = (name: string, west: number, south: number): Pattern => ({
  name,
  ...uniform(10_000, west, south, west + 0.3, south + 0.3),
  repeats: 100,
  shiftDeg: 1e-3,
});
const scatter = (name: string, w: number, s: number, e: number, n: number): Pattern => ({
  name,
  ...uniform(2_000_000, w, s, e, n),
  repeats: 1,
  shiftDeg: 0,
});

function measure(mask: LandMask, p: Pattern): { wallNs: number; cpuNs: number; landFraction: number } {
  const n = p.lon.length;
  let land = 0;
  for (let k = 0; k < Math.min(n, 100_000); k++) if (mask.isLand(p.lon[k] as number, p.lat[k] as number)) land++;
  land = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let r = 0; r < p.repeats; r++) {
    const dx = r * p.shiftDeg;
    for (let k = 0; k < n; k++) if (mask.isLand((p.lon[k] as number) + dx, p.lat[k] as number)) land++;
  }
  const c = process.cpuUsage(c0);
  const q = n * p.repeats;
  return {
    wallNs: ((performance.now() - t0) * 1e6) / q,
    cpuNs: ((c.user + c.system) * 1e3) / q,
    landFraction: land / q,
  };
}

const rows: string[][] = [];
const add = (mask: string, p: Pattern, m: LandMask): void => {
  const r = measure(m, p);
  rows.push([
    mask,
    p.name,
    r.wallNs.toFixed(1),
    r.cpuNs.toFixed(1),
    (1e3 / r.cpuNs).toFixed(1),
    r.landFraction.toFixed(3),
  ]);
};

let t0 = performance.now();
let c0 = process.cpuUsage();
const ne = await naturalEarthLandMask();
let c = process.cpuUsage(c0);
const st = ne.stats;
process.stdout.write(
  `Natural Earth 10 m: build ${(performance.now() - t0).toFixed(0)} ms wall, ${((c.user + c.system) / 1e3).toFixed(0)} ms CPU ` +
    `(${st.edges} edges; grid ${st.nx}×${st.ny} of ${st.cellDeg.toFixed(3)}°; ${st.mixedCells} coast cells, ` +
    `${st.refinedCells} refined 8×8)\n`,
);
for (const p of [
  cloud('cloud, open sea (150W 30N)', -150, 30),
  cloud('cloud, Korea Strait by Tsushima', 129.0, 34.5),
  cloud('cloud, Bergen skerries', 5.0, 60.3),
  scatter('scatter, N Pacific 160-140W 20-40N', -160, 20, -140, 40),
  scatter('scatter, Korea Strait 127-131E 33-36N', 127, 33, 131, 36),
  scatter('scatter, W Norway 3-7E 59-62N', 3, 59, 7, 62),
]) {
  add('naturalearth', p, ne);
}
for (const [file, p] of [
  ['landmask_gshhg_f_norway_west_3-7E_59-62N_0.0005deg.nc', cloud('cloud, Bergen skerries', 5.0, 60.3)],
  ['landmask_gshhg_f_norway_west_3-7E_59-62N_0.0005deg.nc', scatter('scatter, W Norway 3-7E 59-62N', 3, 59, 7, 62)],
  ['landmask_gshhg_f_barents_8-24E_70-75N_0.005deg.nc', scatter('scatter, Barents 8-24E 70-75N', 8, 70, 24, 75)],
] as const) {
  t0 = performance.now();
  c0 = process.cpuUsage();
  const m = await readNetcdfLandMask(data + file);
  c = process.cpuUsage(c0);
  process.stdout.write(
    `${file}: read ${(performance.now() - t0).toFixed(0)} ms wall, ${((c.user + c.system) / 1e3).toFixed(0)} ms CPU\n`,
  );
  add('gshhg raster', p, m);
}
const header = ['mask', 'points', 'ns/query (wall)', 'ns/query (CPU)', 'M queries/CPU-s', 'land fraction'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: readonly string[]): string => r.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ');
process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB\n`);
