/**
 * Drill benchmark (issue 7): every template of the scenario library run headless to its end with the auto player
 * (truth drift, reference map of 1,000 particles, plans and re-plans on each inject, units, detection passes,
 * Bayesian miss per particle), open sea (no coastline), seed 1. Reports wall and CPU time per drill, the number of
 * simulation steps and plans, and the drill's headline figures.
 */
import { cpuUsage } from 'node:process';
import { availableParallelism, loadavg } from 'node:os';
import { createDrillSpec, DRILL_TEMPLATES, NO_LAND, runDrill } from '@tandem/core';

const START = Date.parse('2026-06-01T00:00:00Z') / 1000;
const rows: string[][] = [['template', 'wall s', 'cpu s', 'steps', 'plans', 'detected', 'TTFD h', 'POS', 'survivors']];
let wallTotal = 0;
for (const t of DRILL_TEMPLATES) {
  const spec = createDrillSpec(t, { seed: 1, startTimeS: START, land: NO_LAND });
  const c0 = cpuUsage();
  const w0 = performance.now();
  const r = runDrill(spec, { land: NO_LAND, auto: true });
  const wall = (performance.now() - w0) / 1000;
  const cpu = cpuUsage(c0);
  wallTotal += wall;
  const s = r.summary;
  rows.push([
    t.id,
    wall.toFixed(2),
    ((cpu.user + cpu.system) / 1e6).toFixed(2),
    String(Math.ceil(spec.durationS / spec.stepS)),
    String(s.plansMade),
    s.detected ? 'yes' : 'no',
    s.timeToFirstDetectionS === null ? '—' : (s.timeToFirstDetectionS / 3600).toFixed(2),
    s.posAchieved.toFixed(3),
    `${s.survivorsRecovered}/${s.survivorsTotal}`,
  ]);
}
const widths = rows[0]?.map((_, k) => Math.max(...rows.map((r) => (r[k] ?? '').length))) ?? [];
for (const r of rows) console.log(r.map((c, k) => c.padEnd(widths[k] ?? 0)).join('  '));
console.log(
  `\ntotal wall ${wallTotal.toFixed(1)} s; ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(2)}`,
);
