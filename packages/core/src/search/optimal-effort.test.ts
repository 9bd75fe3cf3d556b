import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allocateEffort } from './optimal-effort.ts';
import { gridFromCircularNormal, frameAround } from './probability-map.ts';
import { lambertAzimuthalEqualArea } from './equal-area-projection.ts';
import { podFromCoverage } from './detection.ts';

test("continuous optimum for a circular normal target reaches Stone's 1 - (1 + H) exp(-H) within 1 %", () => {
  const sigma = 1000;
  const proj = lambertAzimuthalEqualArea([130, 35]);
  const frame = frameAround(-7 * sigma, 7 * sigma, -7 * sigma, 7 * sigma, 280, 280);
  const grid = gridFromCircularNormal(proj, sigma, frame);
  for (const z of [0.5, 2, 10, 40].map((r) => r * sigma * sigma)) {
    const H = Math.sqrt(z / (Math.PI * sigma * sigma));
    const stone = 1 - (1 + H) * Math.exp(-H);
    const r = allocateEffort(grid.poc, frame.cellM * frame.cellM, z, 'exponential');
    assert.ok(Math.abs(r.pos / stone - 1) < 0.01, `z=${z}: ${r.pos} vs ${stone}`);
    // Effort density (R*² - r²)/(2σ²) at the centre: R*² = 2σ √(z/π).
    const c = (frame.ny / 2) * frame.nx + frame.nx / 2;
    const density = (r.effortM2[c] as number) / (frame.cellM * frame.cellM);
    const expected = (2 * sigma * Math.sqrt(z / Math.PI)) / (2 * sigma * sigma);
    assert.ok(Math.abs(density - expected) / expected < 0.02, `density ${density} vs ${expected}`);
  }
});

test('allocation spends exactly the effort and never beats the POS of any other allocation (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 30 }),
      fc.double({ min: 0.1, max: 50, noNaN: true }),
      fc.constantFrom('exponential', 'inverse-cube', 'definite-range' as const),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }),
      (raw, zRel, model, other) => {
        const s = raw.reduce((a, b) => a + b, 0);
        fc.pre(s > 1e-6);
        const poc = Float64Array.from(raw.map((v) => v / s));
        const Z = zRel * 1;
        const r = allocateEffort(poc, 1, Z, model);
        const spent = r.effortM2.reduce((a, b) => a + b, 0);
        assert.ok(
          Math.abs(spent - Math.min(Z, model === 'definite-range' ? poc.filter((p) => p > 0).length : Z)) <
            1e-6 * Z + 1e-9,
        );
        // Any other allocation of the same effort does no better.
        const o = other.slice(0, poc.length);
        const os = o.reduce((a, b) => a + b, 0);
        fc.pre(os > 0);
        let pos = 0;
        for (let i = 0; i < poc.length; i++)
          pos += (poc[i] as number) * podFromCoverage(model, ((o[i] as number) / os) * Z);
        assert.ok(pos <= r.pos + 1e-9, `${pos} > ${r.pos}`);
      },
    ),
    { numRuns: 300 },
  );
});
