import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, SEARCH_BASES } from '@tandem/core';
import { naturalEarthLandMask } from '@tandem/formats';
import { clipPolygons, clipRing, DRILL_REGION_BBOX, drillLandMask } from './drill-land.ts';

/** Shoelace area of a flat ring, deg². */
function area(r: Float64Array): number {
  let a = 0;
  const n = r.length / 2;
  for (let k = 0; k < n; k++) {
    const j = (k + 1) % n;
    a += (r[2 * k] as number) * (r[2 * j + 1] as number) - (r[2 * j] as number) * (r[2 * k + 1] as number);
  }
  return a / 2;
}

test('clips rings to the box (Sutherland–Hodgman), across the antimeridian too', () => {
  const square = Float64Array.from([0, 0, 4, 0, 4, 4, 0, 4]);
  const c = clipRing(square, 2, 1, 10, 3);
  assert.ok(c !== undefined);
  assert.ok(Math.abs(area(c) - 4) < 1e-12, 'a 2 x 2 piece');
  assert.equal(clipRing(square, 5, 5, 6, 6), undefined);
  // A ring crossing 180° (179E to 179W) clipped to a box east of 178E comes back in the box's longitudes.
  const cross = Float64Array.from([179, 10, -179, 10, -179, 12, 179, 12]);
  const out = clipPolygons([[cross]], [178, 9, 180, 13]);
  const r = out[0]?.[0] as Float64Array;
  assert.ok(r !== undefined);
  assert.ok(Math.abs(area(r) - 2) < 1e-9, `1° x 2° in the box, got ${area(r)}`);
});

test('the drill-region mask answers as the world Natural Earth mask inside the region', async () => {
  const t0 = performance.now();
  const region = await drillLandMask();
  const t1 = performance.now();
  const world = await naturalEarthLandMask();
  const t2 = performance.now();
  process.stdout.write(`# land masks: drill region ${(t1 - t0).toFixed(0)} ms, world ${(t2 - t1).toFixed(0)} ms\n`);
  const rng = createRng(42, 1);
  const [w, s, e, n] = DRILL_REGION_BBOX;
  let land = 0;
  let checked = 0;
  const check = (lon: number, lat: number): void => {
    if (!(lon > w && lon < e && lat > s && lat < n)) return;
    const a = region.isLand(lon, lat);
    assert.equal(a, world.isLand(lon, lat), `${lon}, ${lat}`);
    if (a) land++;
    checked++;
  };
  for (let k = 0; k < 20_000; k++) check(w + rng.uniform() * (e - w), s + rng.uniform() * (n - s));
  // Near the coasts, around every base of both nations.
  for (const b of SEARCH_BASES)
    for (let k = 0; k < 500; k++) check(b.lonDeg + (rng.uniform() - 0.5) * 0.6, b.latDeg + (rng.uniform() - 0.5) * 0.6);
  assert.ok(checked > 25_000);
  assert.ok(land > 3000 && checked - land > 3000, `both land (${land}) and water`);
  assert.equal(region.isLand(129.09, 35.2), true, 'Busan is on land');
  assert.equal(region.isLand(129.5, 34.5), false, 'the Korea Strait is water');
});
