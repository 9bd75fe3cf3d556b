/**
 * Every embedded data table against its second copy, the CSV files in `data/` (parsed here independently).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MANUAL_LEEWAY_TABLE } from './leeway-manual-table.ts';
import { SPEED_MODIFIER_TABLES, SWEEP_WIDTH_TABLES, WEATHER_CORRECTION_TYPES } from './sweep-width-table.ts';

const dataDir = fileURLToPath(new URL('../../../../data/', import.meta.url));

/** Minimal RFC 4180 CSV parser (quoted fields with commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] as string;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

test('manual leeway table equals data/leeway-manual/leeway-manual.csv', () => {
  const rows = parseCsv(readFileSync(`${dataDir}leeway-manual/leeway-manual.csv`, 'utf8'));
  assert.deepEqual(rows[0], ['description', 'leeway_rate_kt_per_kt_wind', 'leeway_offset_kt', 'divergence_deg']);
  const body = rows.slice(1);
  assert.equal(MANUAL_LEEWAY_TABLE.length, body.length);
  assert.equal(body.length, 41);
  body.forEach((r, i) => {
    const t = MANUAL_LEEWAY_TABLE[i];
    assert.ok(t);
    assert.equal(t.description, r[0]);
    assert.equal(t.rateKtPerKtWind, Number(r[1]), `${r[0]} rate`);
    assert.equal(t.offsetKt, Number(r[2]), `${r[0]} offset`);
    assert.equal(t.divergenceDeg, Number(r[3]), `${r[0]} divergence`);
  });
});

test('sweep width tables equal every data/sweep-width/<Platform>-<height>ft.csv', () => {
  const files = readdirSync(`${dataDir}sweep-width`).filter((f) => /^(Boat|Aircraft|Helicopter)-\d+ft\.csv$/.test(f));
  assert.equal(files.length, 18);
  assert.equal(SWEEP_WIDTH_TABLES.length, files.length);
  let cells = 0;
  for (const f of files) {
    const m = /^(\w+)-(\d+)ft\.csv$/.exec(f);
    assert.ok(m);
    const platform = (m[1] as string).toLowerCase();
    const heightFt = Number(m[2]);
    const table = SWEEP_WIDTH_TABLES.find((t) => t.platform === platform && t.heightFt === heightFt);
    assert.ok(table, `table for ${f}`);
    const rows = parseCsv(readFileSync(`${dataDir}sweep-width/${f}`, 'utf8'));
    assert.deepEqual(table.visibilityNm, (rows[0] as string[]).slice(1).map(Number), `${f} header`);
    const body = rows.slice(1);
    assert.equal(Object.keys(table.widthsNm).length, body.length, `${f} row count`);
    for (const r of body) {
      const name = r[0] as string;
      assert.deepEqual(table.widthsNm[name], r.slice(1).map(Number), `${f} ${name}`);
      cells += r.length - 1;
    }
  }
  assert.ok(cells > 2000);
});

test('speed modifier tables equal data/sweep-width/*_speed_modifier.csv', () => {
  for (const [platform, file] of [
    ['aircraft', 'Aircraft_speed_modifier.csv'],
    ['helicopter', 'Helicopter_speed_modifier.csv'],
  ] as const) {
    const t = SPEED_MODIFIER_TABLES.find((s) => s.platform === platform);
    assert.ok(t);
    const rows = parseCsv(readFileSync(`${dataDir}sweep-width/${file}`, 'utf8'));
    assert.deepEqual(t.speedKt, (rows[0] as string[]).slice(1).map(Number));
    assert.equal(Object.keys(t.factors).length, rows.length - 1);
    for (const r of rows.slice(1))
      assert.deepEqual(t.factors[r[0] as string], r.slice(1).map(Number), `${file} ${r[0]}`);
  }
});

test('weather correction types equal data/sweep-width/weather_correction_types.csv', () => {
  const rows = parseCsv(readFileSync(`${dataDir}sweep-width/weather_correction_types.csv`, 'utf8'));
  assert.equal(Object.keys(WEATHER_CORRECTION_TYPES).length, rows.length);
  for (const r of rows) assert.equal(WEATHER_CORRECTION_TYPES[r[0] as string], r[1]);
});
