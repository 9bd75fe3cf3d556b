import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lambertAzimuthalEqualArea } from './equal-area-projection.ts';
import { geodesicInverse } from '../geo/index.ts';

test('LAEA matches the EPSG Guidance Note 7-2 worked example (ETRS89-LAEA, 52N 10E)', () => {
  // EPSG GN 7-2 §3.2.2: lat 50N, lon 5E → E 3962799.45, N 2999718.85 with FE 4321000, FN 3210000 (GRS 1980;
  // WGS 84 differs from GRS 1980 by < 0.1 mm here).
  const p = lambertAzimuthalEqualArea([10, 52]);
  const [x, y] = p.forward(5, 50);
  assert.ok(Math.abs(x + 4321000 - 3962799.45) < 0.01, `E ${x + 4321000}`);
  assert.ok(Math.abs(y + 3210000 - 2999718.85) < 0.01, `N ${y + 3210000}`);
});

test('LAEA inverse round-trips to 1e-9 deg and distances from the centre are true within 0.1 % over 300 km', () => {
  const p = lambertAzimuthalEqualArea([129.5, 34.5]);
  for (const [lon, lat] of [
    [129.5, 34.5],
    [131.8, 36.1],
    [127.2, 33.0],
    [129.0, 37.0],
  ] as const) {
    const [x, y] = p.forward(lon, lat);
    const [lo, la] = p.inverse(x, y);
    assert.ok(Math.abs(lo - lon) < 1e-9 && Math.abs(la - lat) < 1e-9);
    const d = geodesicInverse([129.5, 34.5], [lon, lat]).distanceM;
    if (d > 0) assert.ok(Math.abs(Math.hypot(x, y) / d - 1) < 1e-3);
  }
});

test('LAEA preserves area: a 1° x 1° cell equals the ellipsoidal zone area within 1e-6', () => {
  const p = lambertAzimuthalEqualArea([130, 35]);
  // Area of a lon/lat cell on the ellipsoid: a^2 (1 - e^2) dλ / 2 [q(φ2) - q(φ1)] / (1 - e^2) (Snyder eq. 3-12).
  const n = 400;
  let area = 0;
  const ring: [number, number][] = [];
  for (let i = 0; i <= n; i++) ring.push(p.forward(130 + i / n, 35));
  for (let i = 0; i <= n; i++) ring.push(p.forward(131, 35 + i / n));
  for (let i = 0; i <= n; i++) ring.push(p.forward(131 - i / n, 36));
  for (let i = 0; i <= n; i++) ring.push(p.forward(130, 36 - i / n));
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as [number, number];
    const b = ring[(i + 1) % ring.length] as [number, number];
    area += a[0] * b[1] - b[0] * a[1];
  }
  area = Math.abs(area) / 2;
  const e2 = 0.0066943799901413165;
  const e = Math.sqrt(e2);
  const q = (phi: number): number => {
    const s = Math.sin(phi);
    return (1 - e2) * (s / (1 - e2 * s * s) - (1 / (2 * e)) * Math.log((1 - e * s) / (1 + e * s)));
  };
  const a = 6378137;
  const exact = ((a * a * (Math.PI / 180)) / 2) * (q((36 * Math.PI) / 180) - q((35 * Math.PI) / 180));
  assert.ok(Math.abs(area / exact - 1) < 1e-6, `${area} vs ${exact}`);
});
