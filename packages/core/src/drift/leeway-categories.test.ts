import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEEWAY_CATEGORIES, findLeewayCategory } from './leeway-categories.ts';
import { TandemError } from '../errors/index.ts';

const CSV = fileURLToPath(new URL('../../../../data/leeway/leeway_object_categories.csv', import.meta.url));

/** Minimal CSV line splitter: double-quoted fields may hold commas (no escaped quotes in this file). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

test('every number and name of the CSV copy equals the TS table', () => {
  const lines = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  assert.equal(header.length, 13);
  const rows = lines.slice(1).map(splitCsvLine);
  assert.equal(rows.length, 85);
  assert.equal(LEEWAY_CATEGORIES.length, 85);
  for (const [i, r] of rows.entries()) {
    const c = LEEWAY_CATEGORIES[i];
    assert.ok(c);
    assert.equal(r.length, 13, `row ${i + 2}`);
    assert.equal(c.id, Number(r[0]));
    assert.equal(c.id, i + 1);
    assert.equal(c.key, r[1]);
    assert.equal(c.subclassLevel, Number(r[2]));
    assert.equal(c.description, r[3]);
    const nums = [
      c.downwindSlopePct,
      c.downwindOffsetCmS,
      c.downwindStdCmS,
      c.crosswindRightSlopePct,
      c.crosswindRightOffsetCmS,
      c.crosswindRightStdCmS,
      c.crosswindLeftSlopePct,
      c.crosswindLeftOffsetCmS,
      c.crosswindLeftStdCmS,
    ];
    assert.deepEqual(nums, r.slice(4).map(Number), `category ${c.key}`);
  }
});

test('keys are unique and the README facts hold (SLDMB zero, 26 asymmetric)', () => {
  assert.equal(new Set(LEEWAY_CATEGORIES.map((c) => c.key)).size, 85);
  const sldmb = findLeewayCategory(67);
  assert.equal(sldmb.key, 'SLDMB');
  assert.equal(sldmb.downwindSlopePct + sldmb.downwindOffsetCmS + sldmb.downwindStdCmS, 0);
  const asymmetric = LEEWAY_CATEGORIES.filter(
    (c) =>
      c.crosswindRightSlopePct !== -c.crosswindLeftSlopePct ||
      c.crosswindRightOffsetCmS !== -c.crosswindLeftOffsetCmS ||
      c.crosswindRightStdCmS !== c.crosswindLeftStdCmS,
  );
  assert.equal(asymmetric.length, 26);
});

test('look-up by id, digit string, key and unique description substring', () => {
  assert.equal(findLeewayCategory(26).key, 'LIFE-RAFT-NB-1');
  assert.equal(findLeewayCategory('26').key, 'LIFE-RAFT-NB-1');
  assert.equal(findLeewayCategory('piw-1').id, 1);
  assert.equal(findLeewayCategory('Self-locating datum marker').id, 67);
  assert.equal(findLeewayCategory('navy submarine epirb').key, 'SEPIRB');
});

test('unknown or ambiguous references throw UNKNOWN_CATEGORY naming the field', () => {
  for (const ref of [0, 86, 2.5, -1, Number.NaN, 'NOPE-1', 'life', '']) {
    assert.throws(
      () => findLeewayCategory(ref),
      (e: unknown) =>
        e instanceof TandemError && e.code === 'UNKNOWN_CATEGORY' && e.field === 'object.leewayCategoryId',
      String(ref),
    );
  }
});
