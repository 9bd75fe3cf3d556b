import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { TandemError } from '@tandem/core';
import type { PolygonRings } from './polygon-land-mask.ts';
import { PolygonLandMask } from './polygon-land-mask.ts';
import { geoJsonLandMask, geoJsonPolygons } from './geojson-land-mask.ts';
import { naturalEarthLandMask, naturalEarthLandPath, topologyPolygons } from './natural-earth-land-mask.ts';
import { readNetcdfLandMask } from './netcdf-land-mask.ts';
import { NO_LAND_MASK, readLandMask } from './read-land-mask.ts';
import { fromLandMaskTransfer, toLandMaskTransfer } from './land-mask-transfer.ts';
import { checkLandCoverage } from './land-coverage-warning.ts';
import { writeNetcdf3 } from '../netcdf3-writer.ts';

const DATA = fileURLToPath(new URL('../../../../data/forcing/', import.meta.url));
const BARENTS = `${DATA}landmask_gshhg_f_barents_8-24E_70-75N_0.005deg.nc`;

/** Reference: nonzero winding number by brute force over every edge (Hormann & Agathos 2001, no index). */
function bruteForceLand(polygons: readonly PolygonRings[], x: number, y: number): boolean {
  let total = 0;
  for (const poly of polygons) {
    poly.forEach((ring, r) => {
      let area = 0;
      const n = ring.length;
      for (let k = 0; k < n; k++) {
        const a = ring[k] as readonly number[];
        const b = ring[(k + 1) % n] as readonly number[];
        area += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
      }
      const sign = (r === 0) === area > 0 ? 1 : -1;
      let w = 0;
      for (let k = 0; k < n; k++) {
        const [x1, y1] = ring[k] as [number, number];
        const [x2, y2] = ring[(k + 1) % n] as [number, number];
        if (y1 <= y !== y2 <= y && x1 + ((y - y1) * (x2 - x1)) / (y2 - y1) > x) w += y2 > y1 ? 1 : -1;
      }
      total += sign * w;
    });
  }
  return total > 0;
}

describe('Natural Earth 10 m land mask', () => {
  const places: readonly [string, number, number, boolean][] = [
    ['Korea Strait', 129.0, 34.6, false],
    ['North Sea', 3.0, 60.0, false],
    ['Seoul', 127.0, 37.5, true],
    ['Tokyo', 139.7, 35.7, true],
    ['Tsushima island', 129.3, 34.4, true],
    ['Jeju island', 126.55, 33.38, true],
    ['Ulleungdo (small island, 73 km²)', 130.86, 37.5, true],
    ['Sea of Japan / East Sea, open water', 134.0, 40.0, false],
    ['Yellow Sea', 123.5, 35.5, false],
    ['Caspian Sea (a hole in Eurasia)', 50.5, 42.0, false],
    ['Lake Superior: inland lakes are land for marine drift (as GSHHG in OpenDrift)', -87.5, 47.6, true],
    ['Lake Biwa', 136.08, 35.25, true],
    ['Pacific', -150.0, 0.0, false],
    ['Chukotka west of the antimeridian', 175.0, 67.0, true],
    ['Chukotka east of the antimeridian', -173.0, 66.5, true],
    ['Chukotka, same place as 187°E', 187.0, 66.5, true],
    ['Kresta Bay, east of the antimeridian', -179.5, 66.0, false],
    ['Arctic Ocean north of Chukotka', -175.0, 67.5, false],
    ['Antarctic interior near the pole', 0.0, -89.9, true],
    ['Antarctic plateau 170°E', 170.0, -88.0, true],
    ['Southern Ocean', 0.0, -60.0, false],
    ['Greenland', -40.0, 72.0, true],
    ['Arctic Ocean', 0.0, 89.5, false],
    ['Fiji, Vanua Levu', 179.3, -16.6, true],
  ];

  it('answers land and water at known places, including islands, a lake-like hole, poles and the antimeridian', async () => {
    const ne = await naturalEarthLandMask();
    for (const [name, lon, lat, land] of places) assert.equal(ne.isLand(lon, lat), land, name);
    assert.deepEqual(ne.coverage, { bboxDeg: null, outside: 'water' });
    assert.equal(ne.covers(10, 10), true);
  });

  it("matches a brute-force winding number over all of Japan's coast (refined coast cells included)", async () => {
    const ne = await naturalEarthLandMask();
    assert.ok(ne.stats.refinedCells > 0);
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const { feature } = await import('topojson-client');
    const topo = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/land-10m.json'), 'utf8'));
    const all = geoJsonPolygons(feature(topo, topo.objects.land), 'ne');
    // Polygons wholly inside 128-146°E, 30-46°N (Japan's islands; no antimeridian jumps to unwrap).
    const local = all.filter((poly) =>
      poly.every((ring) =>
        (ring as readonly (readonly number[])[]).every(
          ([x, y]) => (x as number) > 128 && (x as number) < 146 && (y as number) > 30 && (y as number) < 46,
        ),
      ),
    );
    assert.ok(local.length > 50, `${local.length} polygons`);
    const pts = fc.sample(fc.tuple(fc.double({ min: 132, max: 141 }), fc.double({ min: 33, max: 36 })), {
      numRuns: 400,
      seed: 3,
    });
    let land = 0;
    for (const [x, y] of pts) {
      const expected = bruteForceLand(local, x, y);
      assert.equal(ne.isLand(x, y), expected, `${x} ${y}`);
      if (expected) land++;
    }
    assert.ok(land > 50 && land < 350, `${land} of 400 on land`);
  });

  it('loads once and is shared', async () => {
    const [a, b] = await Promise.all([naturalEarthLandMask(), naturalEarthLandMask()]);
    assert.equal(a, b);
  });

  it('agrees with the GSHHG full-resolution raster over the Barents Sea (≥ 99 % of random points)', async () => {
    const ne = await naturalEarthLandMask();
    const gshhg = await readNetcdfLandMask(BARENTS);
    const rng = fc.sample(fc.tuple(fc.double({ min: 8, max: 24 }), fc.double({ min: 70, max: 75 })), {
      numRuns: 5000,
      seed: 42,
    });
    let agree = 0;
    let land = 0;
    for (const [x, y] of rng) {
      if (ne.isLand(x, y) === gshhg.isLand(x, y)) agree++;
      if (gshhg.isLand(x, y)) land++;
    }
    assert.ok(land > 20, `expected some land in the box, got ${land}`);
    assert.ok(agree / rng.length >= 0.99, `agreement ${agree / rng.length}`);
  });
});

describe('PolygonLandMask', () => {
  const square = (x0: number, y0: number, s: number): number[][] => [
    [x0, y0],
    [x0 + s, y0],
    [x0 + s, y0 + s],
    [x0, y0 + s],
    [x0, y0],
  ];

  it('treats holes as water and overlapping polygons as a union, whatever the ring orientation', () => {
    const island = [square(0, 0, 10), square(3, 3, 2).reverse()];
    const overlapping = [square(8, 8, 5).reverse()];
    const m = new PolygonLandMask('t', [island, overlapping]);
    assert.equal(m.isLand(1, 1), true);
    assert.equal(m.isLand(4, 4), false, 'inside the lake');
    assert.equal(m.isLand(9, 9), true, 'in both polygons');
    assert.equal(m.isLand(12, 12), true, 'in the second only');
    assert.equal(m.isLand(11, 1), false);
    assert.equal(m.isLand(-1, 5), false);
    assert.equal(m.isLand(5, 45), false);
  });

  it('handles a polygon written across the antimeridian (170°E to 190°E)', () => {
    const m = new PolygonLandMask('t', [[square(170, -5, 20)]]);
    assert.equal(m.isLand(175, 0), true);
    assert.equal(m.isLand(-175, 0), true);
    assert.equal(m.isLand(185, 0), true);
    assert.equal(m.isLand(-165, 0), false);
    assert.equal(m.isLand(165, 0), false);
  });

  it('matches a brute-force winding number on random polygons and points (property)', () => {
    const ringArb = fc
      .tuple(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0.5, max: 8, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 3,
          maxLength: 12,
        }),
      )
      .map(([cx, cy, spokes]) => {
        // Star-shaped ring around (cx, cy): angles sorted so the ring never self-intersects.
        const angles = spokes.map(([, t], k) => ((k + t) / spokes.length) * 2 * Math.PI);
        return spokes.map(([r], k) => [cx + r * Math.cos(angles[k] as number), cy + r * Math.sin(angles[k] as number)]);
      });
    fc.assert(
      fc.property(
        fc.array(ringArb, { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.tuple(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true })),
          {
            minLength: 20,
            maxLength: 20,
          },
        ),
        fc.constantFrom(undefined, 0.7, 3, 10),
        (rings, points, cellDeg) => {
          const polys: PolygonRings[] = rings.map((r) => [r]);
          const m = new PolygonLandMask('t', polys, cellDeg === undefined ? {} : { cellDeg });
          for (const [x, y] of points) {
            if (m.isLand(x, y) !== bruteForceLand(polys, x, y)) return false;
          }
          for (const r of rings) {
            const [x, y] = r[0] as [number, number];
            const [x2, y2] = r[1] as [number, number];
            const mx = (x + x2) / 2 + 1e-7;
            const my = (y + y2) / 2 + 1e-7;
            if (m.isLand(mx, my) !== bruteForceLand(polys, mx, my)) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('GeoJSON land masks', () => {
  const fc1 = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: 'island with lake' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [129, 34],
              [130, 34],
              [130, 35],
              [129, 35],
              [129, 34],
            ],
            [
              [129.4, 34.4],
              [129.4, 34.6],
              [129.6, 34.6],
              [129.6, 34.4],
              [129.4, 34.4],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [131, 36],
                [131.1, 36],
                [131.1, 36.1],
                [131, 36],
              ],
            ],
          ],
        },
      },
    ],
  };

  it('reads a FeatureCollection of Polygon and MultiPolygon through readLandMask', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-land-'));
    writeFileSync(join(dir, 'coast.geojson'), JSON.stringify(fc1));
    const m = await readLandMask({ landMask: 'coast.geojson' }, dir);
    assert.equal(m.isLand(129.2, 34.2), true);
    assert.equal(m.isLand(129.5, 34.5), false, 'lake');
    assert.equal(m.isLand(131.08, 36.02), true, 'small triangle island');
    assert.equal(m.isLand(131.02, 36.08), false, 'outside the triangle');
    assert.equal(m.isLand(128, 34.5), false);
    assert.equal(m.coverage.bboxDeg, null);
    assert.equal(m.covers(0, 0), true);
    writeFileSync(join(dir, 'boxed.geojson'), JSON.stringify({ ...fc1, bbox: [128.5, 33.5, 131.5, 36.5] }));
    const boxed = await readLandMask({ landMask: 'boxed.geojson' }, dir);
    assert.deepEqual(boxed.coverage.bboxDeg, [128.5, 33.5, 131.5, 36.5]);
    assert.equal(boxed.covers(129.5, 34.5), true);
    assert.equal(boxed.covers(127, 34.5), false);
  });

  it('rejects non-polygon and damaged GeoJSON naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-land-'));
    const cases: Record<string, string> = {
      'points.geojson': JSON.stringify({ type: 'Point', coordinates: [1, 2] }),
      'broken.json': '{"type": "Polygon", "coordinates": [[[1, 2], [3',
      'empty.geojson': JSON.stringify({ type: 'FeatureCollection', features: [] }),
      'badcoord.geojson': JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 'x'],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
      'lat.geojson': JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 95],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    };
    for (const [name, text] of Object.entries(cases)) {
      writeFileSync(join(dir, name), text);
      await assert.rejects(readLandMask({ landMask: name }, dir), (e: unknown) => {
        assert.ok(e instanceof TandemError, String(e));
        assert.equal(e.code, 'UNSUPPORTED_FILE', `${name}: ${e.message}`);
        assert.ok(e.message.includes(name), `${name}: ${e.message}`);
        return true;
      });
    }
    assert.throws(() => geoJsonLandMask(null, 'x.geojson'), TandemError);
  });

  it('reports missing files and unsupported extensions', async () => {
    await assert.rejects(
      readLandMask({ landMask: 'nope.geojson' }, '/nonexistent'),
      (e: unknown) => e instanceof TandemError && e.code === 'NOT_FOUND' && e.message.includes('nope.geojson'),
    );
    const dir = mkdtempSync(join(tmpdir(), 'tandem-land-'));
    writeFileSync(join(dir, 'coast.shp'), 'x');
    await assert.rejects(
      readLandMask({ landMask: 'coast.shp' }, dir),
      (e: unknown) => e instanceof TandemError && e.code === 'UNSUPPORTED_FILE',
    );
    const none = await readLandMask({ landMask: 'none' }, dir);
    assert.equal(none.isLand(127, 37.5), false);
  });
});

describe('NetCDF raster land masks', () => {
  it('reads the GSHHG Barents mask (NetCDF-4): Bear Island is land, the open sea is water, outside is no information', async () => {
    const m = await readLandMask({ landMask: BARENTS }, '/');
    assert.equal(m.isLand(19.0, 74.43), true, 'Bjørnøya');
    assert.equal(m.isLand(15.0, 72.0), false, 'Barents Sea');
    assert.equal(m.isLand(25.0, 70.5), false, 'outside the raster (east of 24°E): no land information');
    assert.equal(m.covers(25.0, 70.5), false);
    assert.equal(m.covers(15.0, 72.0), true);
    const b = m.coverage.bboxDeg;
    assert.ok(b !== null);
    assert.ok(Math.abs(b[0] - 8) < 1e-9 && Math.abs(b[1] - 70) < 1e-9 && Math.abs(b[2] - 24) < 1e-9);
    assert.ok(Math.abs(b[3] - 75) < 1e-9);
  });

  it('reads the 0.0005° GSHHG mask of western Norway: agrees with Natural Earth on most points, finer in the fjords', async () => {
    const ne = await naturalEarthLandMask();
    const m = await readNetcdfLandMask(`${DATA}landmask_gshhg_f_norway_west_3-7E_59-62N_0.0005deg.nc`);
    assert.equal(m.isLand(3.5, 60.0), false, 'North Sea');
    assert.equal(m.isLand(6.5, 61.5), true, 'inland, Sogn og Fjordane');
    const pts = fc.sample(fc.tuple(fc.double({ min: 3, max: 7 }), fc.double({ min: 59, max: 62 })), {
      numRuns: 4000,
      seed: 11,
    });
    let agree = 0;
    for (const [x, y] of pts) if (m.isLand(x, y) === ne.isLand(x, y)) agree++;
    assert.ok(agree / pts.length > 0.9, `agreement ${agree / pts.length}`);
  });

  it('rejects a file that is not NetCDF, and a truncated HDF5 file, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-land-'));
    writeFileSync(join(dir, 'text.nc'), 'hello, not netcdf');
    await assert.rejects(
      readLandMask({ landMask: 'text.nc' }, dir),
      (e: unknown) => e instanceof TandemError && e.code === 'UNSUPPORTED_FILE' && e.message.includes('text.nc'),
    );
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(BARENTS);
    writeFileSync(join(dir, 'cut.nc'), bytes.subarray(0, 4000));
    await assert.rejects(
      readLandMask({ landMask: 'cut.nc' }, dir),
      (e: unknown) => e instanceof TandemError && e.message.includes('cut.nc'),
    );
    writeFileSync(join(dir, 'cdf.nc'), Buffer.from([0x43, 0x44, 0x46, 0x01, 0xff, 0xff, 0xff, 0xff, 0, 0]));
    await assert.rejects(
      readLandMask({ landMask: 'cdf.nc' }, dir),
      (e: unknown) => e instanceof TandemError && e.code === 'UNSUPPORTED_FILE' && e.message.includes('cdf.nc'),
    );
  });
});

describe('NetCDF-3 raster land masks', () => {
  /** A 4×3 mask over 10-14°E, 50-53°N with land in the north-east corner, written by our NetCDF-3 writer. */
  function maskFile(
    type: 'byte' | 'short' | 'float',
    latDescending = false,
    meaning: 'cf' | 'flags' | 'options' = 'cf',
  ): Uint8Array {
    const lat = latDescending ? [52.5, 51.5, 50.5] : [50.5, 51.5, 52.5];
    const rows = [
      [0, 0, 0, 0],
      [0, 0, 1, 1],
      [0, 0, 0, 1],
    ];
    const z = (latDescending ? [...rows].reverse() : rows).flat().map((v) => (meaning === 'cf' ? v : 1 - v));
    const attributes =
      meaning === 'cf'
        ? [{ name: 'standard_name', value: 'land_binary_mask' }]
        : meaning === 'flags'
          ? [
              { name: 'flag_values', value: [0, 1], type: 'byte' as const },
              { name: 'flag_meanings', value: 'land water' },
            ]
          : [
              { name: 'option_0', value: 'land' },
              { name: 'option_1', value: 'water' },
            ];
    return writeNetcdf3({
      dimensions: [
        { name: 'lat', size: 3 },
        { name: 'lon', size: 4 },
      ],
      variables: [
        { name: 'lon', type: 'double', dimensions: ['lon'], data: [10.5, 11.5, 12.5, 13.5], attributes: [] },
        { name: 'lat', type: 'double', dimensions: ['lat'], data: lat },
        {
          name: 'z',
          type,
          dimensions: ['lat', 'lon'],
          data: z,
          attributes,
        },
      ],
    });
  }

  it('reads byte, short and float masks, with latitude ascending or descending', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-land-'));
    for (const [type, desc, meaning] of [
      ['byte', false, 'cf'],
      ['short', true, 'cf'],
      ['float', false, 'cf'],
      ['byte', false, 'flags'],
      ['float', true, 'options'],
    ] as const) {
      const path = join(dir, `mask-${type}-${meaning}.nc`);
      writeFileSync(path, maskFile(type, desc, meaning));
      const m = await readNetcdfLandMask(path);
      assert.equal(m.isLand(12.6, 51.4), true, `${type}: land cell`);
      assert.equal(m.isLand(13.9, 52.9), true, `${type}: corner`);
      assert.equal(m.isLand(10.1, 50.1), false, `${type}: water`);
      assert.equal(m.isLand(11.9, 52.2), false, `${type}`);
      assert.deepEqual(m.coverage.bboxDeg, [10, 50, 14, 53]);
      assert.equal(m.isLand(14.5, 52.5), false, 'outside: no land information');
      assert.equal(m.covers(14.5, 52.5), false);
    }
  });

  it('refuses a projected model grid (x/y in km) rather than misreading it as degrees', async () => {
    await assert.rejects(
      readLandMask({ landMask: `${DATA}Arctic20_1to5Feb_2016.nc` }, '/'),
      (e: unknown) =>
        e instanceof TandemError && e.code === 'VARIABLE_NOT_FOUND' && e.message.includes('Arctic20_1to5Feb_2016.nc'),
    );
  });

  it('refuses a header that declares more data than the file holds, before allocating it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-land-'));
    const good = maskFile('byte');
    // Truncate inside the data section: the mask's declared extent runs past the end of the file.
    writeFileSync(join(dir, 'short.nc'), good.subarray(0, good.length - 6));
    await assert.rejects(
      readNetcdfLandMask(join(dir, 'short.nc')),
      (e: unknown) => e instanceof TandemError && e.code === 'UNSUPPORTED_FILE' && e.message.includes('short.nc'),
    );
    // Claim a huge "lon" dimension (2^31 - 1 cells).
    const huge = good.slice();
    const view = new DataView(huge.buffer);
    const lonDimAt = 36; // magic 4, numrecs 4, tag 4, count 4, "lat" (length 4 + name 4), size 4, "lon" (4 + 4)
    assert.equal(view.getUint32(lonDimAt), 4, 'found the lon dimension size');
    view.setUint32(lonDimAt, 0x7fffffff);
    writeFileSync(join(dir, 'huge.nc'), huge);
    await assert.rejects(
      readNetcdfLandMask(join(dir, 'huge.nc')),
      (e: unknown) => e instanceof TandemError && e.message.includes('huge.nc'),
    );
  });
});

describe('land masks across threads', () => {
  it('survive structured cloning (as postMessage does) with identical answers', async () => {
    const masks = [await naturalEarthLandMask(), await readNetcdfLandMask(BARENTS), NO_LAND_MASK];
    const pts = fc.sample(fc.tuple(fc.double({ min: -180, max: 180 }), fc.double({ min: -90, max: 90 })), {
      numRuns: 2000,
      seed: 7,
    });
    const barentsPts = fc.sample(fc.tuple(fc.double({ min: 8, max: 24 }), fc.double({ min: 70, max: 75 })), {
      numRuns: 2000,
      seed: 8,
    });
    for (const m of masks) {
      const copy = fromLandMaskTransfer(structuredClone(toLandMaskTransfer(m)));
      assert.equal(copy.name, m.name);
      assert.deepEqual(copy.coverage, m.coverage);
      for (const [x, y] of [...pts, ...barentsPts])
        assert.equal(copy.isLand(x, y), m.isLand(x, y), `${m.name} ${x} ${y}`);
    }
  });
});

describe('TopoJSON decoding', () => {
  it('gives the same rings as topojson-client for Natural Earth 10 m land', async () => {
    const { readFileSync } = await import('node:fs');
    const { feature } = await import('topojson-client');
    const topo = JSON.parse(readFileSync(naturalEarthLandPath(), 'utf8'));
    const ours = topologyPolygons(topo, 'land', 'land-10m.json');
    const theirs = geoJsonPolygons(feature(topo, topo.objects.land), 'land-10m.json');
    assert.equal(ours.length, theirs.length);
    let points = 0;
    ours.forEach((poly, p) => {
      const other = theirs[p] as PolygonRings;
      assert.equal(poly.length, other.length);
      poly.forEach((r, k) => {
        const flat = r as Float64Array;
        let ring = other[k] as readonly (readonly number[])[];
        // topojson-client pads rings of fewer than four positions by repeating the first one.
        if (ring.length === 4 && flat.length === 6) ring = ring.slice(0, 3);
        assert.equal(flat.length, 2 * ring.length, `polygon ${p} ring ${k}`);
        for (let q = 0; q < ring.length; q++) {
          const pos = ring[q] as readonly number[];
          if (flat[2 * q] !== pos[0] || flat[2 * q + 1] !== pos[1]) {
            assert.fail(`polygon ${p} ring ${k} point ${q}: ${flat[2 * q]},${flat[2 * q + 1]} vs ${pos[0]},${pos[1]}`);
          }
        }
        points += ring.length;
      });
    });
    assert.ok(points > 400_000, `${points} points`);
  });

  it('rejects a topology without the object or arcs', () => {
    assert.throws(() => topologyPolygons({ arcs: [], objects: {} }, 'land', 'x.json'), TandemError);
    assert.throws(() => topologyPolygons({ objects: { land: {} } }, 'land', 'x.json'), TandemError);
    assert.throws(() => topologyPolygons(null, 'land', 'x.json'), TandemError);
    assert.throws(
      () =>
        topologyPolygons({ arcs: [[[0, 0]]], objects: { land: { type: 'Polygon', arcs: [[5]] } } }, 'land', 'x.json'),
      TandemError,
    );
  });
});

describe('land mask coverage check', () => {
  it('counts released particles that leave a regional mask and words a warning', async () => {
    const m = await readNetcdfLandMask(BARENTS);
    const set = {
      count: 3,
      timesS: Float64Array.of(0, 3600),
      // particle 0 stays inside; particle 1 leaves east of 24°E; particle 2 is outside but never released.
      lonDeg: Float64Array.of(15, 23.9, 30, 15.1, 24.5, 30),
      latDeg: Float64Array.of(72, 72, 72, 72, 72, 72),
      status: Uint8Array.of(1, 1, 0, 1, 1, 0),
      capsized: new Uint8Array(6),
      categoryId: new Uint16Array(3),
      seedTimeS: new Float64Array(3),
    };
    const r = checkLandCoverage(m, set);
    assert.equal(r.particlesOutside, 1);
    assert.match(r.warning ?? '', /1 particle\(s\) left the land mask/);
    assert.deepEqual(checkLandCoverage(NO_LAND_MASK, set), { particlesOutside: 0, warning: null });
  });
});
