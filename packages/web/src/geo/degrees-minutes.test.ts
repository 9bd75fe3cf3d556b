import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isTandemError } from '@tandem/core';
import { formatDegreesMinutes, parseDegreesMinutes } from './degrees-minutes.ts';

test('parses the usual spellings of degrees-minutes', () => {
  assert.equal(parseDegreesMinutes('34°45.0′N', 'lat'), 34.75);
  assert.equal(parseDegreesMinutes('34 45.0 N', 'lat'), 34.75);
  assert.equal(parseDegreesMinutes("129°03.0'E", 'lon'), 129.05);
  assert.equal(parseDegreesMinutes('33°30′S', 'lat'), -33.5);
  assert.equal(parseDegreesMinutes('-129.05', 'lon'), -129.05);
  assert.equal(parseDegreesMinutes('129.05', 'lon'), 129.05);
  assert.equal(parseDegreesMinutes('000°30.0′W', 'lon'), -0.5);
});

test('rejects malformed or out-of-range text naming the field', () => {
  for (const [text, axis] of [
    ['34°75.0′N', 'lat'],
    ['91°00.0′N', 'lat'],
    ['34°45.0′E', 'lat'],
    ['129°03.0′N', 'lon'],
    ['abc', 'lon'],
    ['-34°45′S', 'lat'],
    ['181', 'lon'],
  ] as const) {
    assert.throws(
      () => parseDegreesMinutes(text, axis, 'case.lkp'),
      (e: unknown) => isTandemError(e) && e.field === 'case.lkp',
      text,
    );
  }
});

test('formats to the thousandth of a minute and reads back within 0.0005′', () => {
  assert.equal(formatDegreesMinutes(34.75, 'lat'), '34°45.000′N');
  assert.equal(formatDegreesMinutes(-129.05, 'lon'), '129°03.000′W');
  assert.equal(formatDegreesMinutes(35.99999999, 'lat'), '36°00.000′N');
  fc.assert(
    fc.property(fc.double({ min: -180, max: 180, noNaN: true }), (v) => {
      const back = parseDegreesMinutes(formatDegreesMinutes(v, 'lon'), 'lon');
      assert.ok(Math.abs(back - v) * 60 <= 0.0005 + 1e-9, `${v} → ${formatDegreesMinutes(v, 'lon')} → ${back}`);
    }),
  );
});
