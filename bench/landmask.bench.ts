/**
 * Land-mask benchmark: build time of the Natural Earth 10 m index (read + TopoJSON decode + index) and of the
 * GSHHG raster masks, and point-query rates over open sea, a coastal box (Korea Strait) and a fjord coast
 * (western Norway). Points are precomputed so the loop measures `isLand` alone.
 */
import { fileURLToPath } from 'node:url';
import { naturalEarthLandMask, readNetcdfLandMask } from '@tandem/formats';
import type { LandMask } from '@tandem/core';

const data = fileURLToPath(new URL('../data/forcing/', import.meta.url));
const N = 2_000_000;

function box(west: number, south: number, east: number, north: number): { lon: Float64Array; lat: Float64Array } {
  const lon = new Float64Array(N);
  const lat = new Float64Array(N);
  let s = 12345;
  for (let k = 0; k < N; k++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    lon[k] = west + (s / 2 ** 32) * (east - west);
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    lat[k] = south + (s / 2 ** 32) * (north - south);
  }
  return { lon, lat };
}

function rate(mask: LandMask, p: { lon: Float64Array; lat: Float64Array }): { perS: number; landFraction: number } {
  let land = 0;
  for (let k = 0; k < 200_000; k++) if (mask.isLand(p.lon[k] as number, p.lat[k] as number)) land++;
  land = 0;
  const t0 = performance.now();
  for (let k = 0; k < N; k++) if (mask.isLand(p.lon[k] as number, p.lat[k] as number)) land++;
  const s = (performance.now() - t0) / 1000;
  return { perS: N / s, landFraction: land / N };
}

const boxes = {
  'open sea (N Pacific 160-140W, 20-40N)': box(-160, 20, -140, 40),
  'Korea Strait (127-131E, 33-36N)': box(127, 33, 131, 36),
  'W Norway fjords (3-7E, 59-62N)': box(3, 59, 7, 62),
  'Barents (8-24E, 70-75N)': box(8, 70, 24, 75),
};

const rows: string[][] = [];
let t0 = performance.now();
const ne = await naturalEarthLandMask();
const buildNe = performance.now() - t0;
process.stdout.write(
  `Natural Earth 10 m: build ${buildNe.toFixed(0)} ms (${ne.stats.edges} edges, grid ${ne.stats.nx}×${ne.stats.ny} ` +
    `of ${ne.stats.cellDeg.toFixed(3)}°, ${ne.stats.mixedCells} coast cells, ${ne.stats.edgeRefs} edge refs)\n`,
);
for (const [name, p] of Object.entries(boxes)) {
  const r = rate(ne, p);
  rows.push(['naturalearth', name, (r.perS / 1e6).toFixed(1), r.landFraction.toFixed(3)]);
}
for (const [file, boxName] of [
  ['landmask_gshhg_f_norway_west_3-7E_59-62N_0.0005deg.nc', 'W Norway fjords (3-7E, 59-62N)'],
  ['landmask_gshhg_f_barents_8-24E_70-75N_0.005deg.nc', 'Barents (8-24E, 70-75N)'],
] as const) {
  t0 = performance.now();
  const m = await readNetcdfLandMask(data + file);
  const ms = performance.now() - t0;
  process.stdout.write(`${file}: read ${ms.toFixed(0)} ms\n`);
  const r = rate(m, boxes[boxName]);
  rows.push(['gshhg raster', boxName, (r.perS / 1e6).toFixed(1), r.landFraction.toFixed(3)]);
}
const header = ['mask', 'query box', 'M queries/s', 'land fraction'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: readonly string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB\n`);
