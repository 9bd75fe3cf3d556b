import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { linearScale, niceTicks, textWidthPx, timeTicks, wrapLabel } from './chart-scales.ts';

describe('chart scales', () => {
  it('maps a domain linearly onto a range, reversed ranges included', () => {
    const s = linearScale([0, 10], [100, 0]);
    assert.equal(s(0), 100);
    assert.equal(s(10), 0);
    assert.equal(s(2.5), 75);
    assert.equal(linearScale([3, 3], [0, 50])(3), 25);
  });

  it('picks 1-2-5 steps that cover the interval', () => {
    assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(0, 97, 5), [0, 20, 40, 60, 80]);
    assert.deepEqual(niceTicks(-3, 3, 3), [-2, 0, 2]);
    assert.deepEqual(niceTicks(5, 5, 4), [5]);
    assert.deepEqual(niceTicks(Number.NaN, 1, 4), []);
  });

  it('ticks whole UTC days, weeks or month starts inside the span', () => {
    const d = Date.UTC(2026, 0, 1);
    const days = timeTicks(d + 3_600_000, d + 5 * 86_400_000, 5);
    assert.equal(days[0], Date.UTC(2026, 0, 2));
    assert.ok(days.every((t) => t % 86_400_000 === 0));
    const months = timeTicks(d, Date.UTC(2026, 11, 31), 12);
    assert.deepEqual(
      months.map((t) => new Date(t).toISOString().slice(0, 7)),
      [
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
        '2026-12',
      ],
    );
    const quarters = timeTicks(d, Date.UTC(2028, 0, 1), 8);
    assert.ok(quarters.every((t) => new Date(t).getUTCMonth() % 3 === 0));
    assert.deepEqual(timeTicks(d, d, 5), []);
    const hours = timeTicks(d + 1_800_000, d + 12 * 3_600_000, 6);
    assert.deepEqual(
      hours.map((t) => new Date(t).toISOString().slice(11, 16)),
      ['02:00', '04:00', '06:00', '08:00', '10:00', '12:00'],
    );
  });

  it('wraps labels at words (Latin) or characters (CJK) within the width, with an ellipsis past the last line', () => {
    assert.ok(textWidthPx('훈련', 10) > textWidthPx('ab', 10));
    const en = wrapLabel('Science, technology and AI dialogue', 100, 11);
    assert.ok(en.length >= 2 && en.every((l) => textWidthPx(l, 11) <= 100 || !l.includes(' ')), en.join('|'));
    assert.equal(en.join(' '), 'Science, technology and AI dialogue');
    const ja = wrapLabel('科学技術・AI対話の継続的な開催', 60, 11);
    assert.ok(ja.length >= 2);
    assert.ok(ja.every((l) => textWidthPx(l.replace('…', ''), 11) <= 60));
    const cut = wrapLabel('one two three four five six seven eight', 30, 11, 2);
    assert.equal(cut.length, 2);
    assert.ok(cut[1]?.endsWith('…'));
  });
});
