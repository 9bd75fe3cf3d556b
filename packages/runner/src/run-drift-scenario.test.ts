import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TandemError, parseDriftScenario } from '@tandem/core';
import { runDriftScenario } from './run-drift-scenario.ts';

const doc = {
  object: { leewayKey: 'PIW-1' },
  seed: { lon: 129.0, lat: 34.6, radiusM: 500, time: '2026-01-10T00:00:00Z', count: 3001 },
  forcing: { wind: { eastMps: 7, northMps: -7 }, current: { eastMps: 0.25, northMps: 0.3 } },
  coast: { landMask: 'none' },
  run: { durationS: 21600, timeStepS: 600, outputStepS: 3600, rngSeed: 7 },
};

test('1 and 2 threads give bit-identical trajectories; progress reaches 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-runner-'));
  const path = join(dir, 'scenario.json');
  writeFileSync(path, JSON.stringify(doc));
  const progress: number[] = [];
  const one = await runDriftScenario(path, { threads: 1, onProgress: (f) => progress.push(f) });
  const two = await runDriftScenario({ doc, baseDir: dir }, { threads: 2 });
  assert.equal(one.threads, 1);
  assert.equal(two.threads, 2);
  assert.deepEqual(two.trajectories, one.trajectories);
  assert.deepEqual(two.summary, one.summary);
  assert.equal(one.particleSteps, 3001 * 36);
  assert.equal(two.report.particleSteps, 3001 * 36);
  assert.equal(one.summary.count, 3001);
  assert.equal(progress.at(-1), 1);
  assert.ok(progress.every((f, i) => i === 0 || f >= (progress[i - 1] as number)));
});

test('engine errors come back as TandemError with code and field', async () => {
  const bad = {
    ...doc,
    forcing: {
      ...doc.forcing,
      current: {
        series: [
          { time: '2026-01-11T00:00:00Z', eastMps: 0, northMps: 0.1 },
          { time: '2026-01-12T00:00:00Z', eastMps: 0, northMps: 0.1 },
        ],
      },
    },
  };
  await assert.rejects(
    runDriftScenario(parseDriftScenario(bad), { threads: 2 }),
    (e: unknown) => e instanceof TandemError && e.code === 'TIME_OUTSIDE_FORCING' && e.field === 'run.startTime',
  );
});

test('leaving the forcing is reported with time, place and reason', async () => {
  const ends = {
    ...doc,
    forcing: {
      ...doc.forcing,
      current: {
        series: [
          { time: '2026-01-10T00:00:00Z', eastMps: 0, northMps: 0.1 },
          { time: '2026-01-10T02:00:00Z', eastMps: 0, northMps: 0.1 },
        ],
      },
    },
  };
  const run = await runDriftScenario(parseDriftScenario(ends), { threads: 2 });
  assert.equal(run.report.noDataCount, 3001);
  assert.equal(run.report.noData.length, 1);
  assert.equal(run.report.noData[0]?.firstTime, '2026-01-10T02:10:00Z');
  assert.match(run.report.warnings[0] ?? '', /no current data/);
  assert.equal(run.summary.noDataFraction, 1);
});

test('an aborted run rejects with the abort reason', async () => {
  const big = {
    ...doc,
    seed: { ...doc.seed, count: 200000 },
    run: { ...doc.run, durationS: 864000, outputStepS: 864000 },
  };
  const ac = new AbortController();
  const p = runDriftScenario(parseDriftScenario(big), { threads: 2, signal: ac.signal });
  setTimeout(() => ac.abort(new Error('stop')), 300);
  await assert.rejects(p, /stop/);
});
