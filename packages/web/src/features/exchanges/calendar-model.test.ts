import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, monthKey, monthStart, monthWeeks, onDay } from './calendar-model.ts';

test('January 2026 starts on a Thursday and has five weeks, Monday first', () => {
  const jan = monthStart('2026-01', 0);
  assert.equal(jan.toISOString(), '2026-01-01T00:00:00.000Z');
  const weeks = monthWeeks(jan);
  assert.equal(weeks.length, 5);
  assert.deepEqual(weeks[0], [null, null, null, 1, 2, 3, 4]);
  assert.deepEqual(weeks[4], [26, 27, 28, 29, 30, 31, null]);
  assert.equal(weeks.flat().filter((d) => d !== null).length, 31);
});

test('every month from 2000 to 2040 has all its days once, in whole weeks', () => {
  let d = monthStart('2000-01', 0);
  for (let i = 0; i < 41 * 12; i++, d = addMonths(d, 1)) {
    const cells = monthWeeks(d).flat();
    assert.equal(cells.length % 7, 0);
    const days = cells.filter((x): x is number => x !== null);
    const expected = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    assert.deepEqual(
      days,
      Array.from({ length: expected }, (_, k) => k + 1),
    );
    assert.equal(cells.indexOf(1), (d.getUTCDay() + 6) % 7);
  }
});

test('month keys round-trip; bad keys fall back to the current month', () => {
  assert.equal(monthKey(monthStart('2025-11', 0)), '2025-11');
  assert.equal(monthKey(addMonths(monthStart('2025-12', 0), 1)), '2026-01');
  assert.equal(monthKey(monthStart('2025-13', Date.UTC(2026, 6, 9))), '2026-07');
  assert.equal(monthKey(monthStart(undefined, Date.UTC(2026, 0, 31, 23))), '2026-01');
});

test('an event shows on each UTC day it touches', () => {
  const jan = monthStart('2026-01', 0);
  const start = Date.UTC(2026, 0, 28, 3) / 1000;
  const end = Date.UTC(2026, 0, 29, 1) / 1000;
  assert.deepEqual(
    [27, 28, 29, 30].map((d) => onDay(jan, d, start, end)),
    [false, true, true, false],
  );
});
