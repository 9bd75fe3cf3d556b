import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUtcTime } from '../units/index.ts';
import { cancelEvent, confirmEvent, markHeld, postponeEvent, proposeEvent } from './exchange-event.ts';
import { localized } from './localized-text.ts';

const start = parseUtcTime('2026-01-28T03:00:00Z');
const base = proposeEvent({
  id: 'ev-naha-2026',
  kind: 'joint-display',
  title: localized(
    'Black Eagles and Blue Impulse at Naha',
    '나하 블랙이글스·블루임펄스 교류',
    '那覇でのブラックイーグルスとブルーインパルスの交流',
  ),
  airfieldIcao: 'ROAH',
  startUtc: start,
  endUtc: start + 7200,
});

test('an event is confirmed only when both sides confirm, once each', () => {
  assert.equal(base.status, 'proposed');
  const kr = confirmEvent(base, 'KR', 'kr-officer', start - 86400 * 10);
  assert.equal(kr.status, 'proposed');
  assert.throws(() => confirmEvent(kr, 'KR', 'kr-officer', start - 86400 * 9), { code: 'CONFLICT' });
  const both = confirmEvent(kr, 'JP', 'jp-officer', start - 86400 * 8);
  assert.equal(both.status, 'confirmed');
  assert.deepEqual(Object.keys(both.confirmations).sort(), ['JP', 'KR']);
  assert.equal(both.history.at(-1)!.to, 'confirmed');
});

test('held only after confirmation and after the start; held is final', () => {
  assert.throws(() => markHeld(base, 'x', start + 10), { code: 'CONFLICT' });
  const confirmed = confirmEvent(confirmEvent(base, 'JP', 'a', 0), 'KR', 'b', 1);
  assert.throws(() => markHeld(confirmed, 'x', start - 10), { code: 'CONFLICT' });
  const held = markHeld(confirmed, 'x', start + 10);
  assert.equal(held.status, 'held');
  assert.throws(() => cancelEvent(held, 'weather', 'x', start + 20), { code: 'CONFLICT' });
  assert.throws(() => confirmEvent(held, 'KR', 'x', start + 20), { code: 'CONFLICT' });
});

test('cancellation keeps a reason; a reason is required', () => {
  assert.throws(() => cancelEvent(base, '  ', 'x', 0), { code: 'INVALID_INPUT', field: 'reason' });
  const c = cancelEvent(base, 'Short-notice change of the team schedule', 'x', 0);
  assert.equal(c.status, 'cancelled');
  assert.equal(c.reason, 'Short-notice change of the team schedule');
  assert.equal(c.history.at(-1)!.reason, c.reason);
});

test('postponement links the original and its replacement, which both sides confirm again', () => {
  const confirmed = confirmEvent(confirmEvent(base, 'JP', 'a', 0), 'KR', 'b', 1);
  const { original, replacement } = postponeEvent(confirmed, 'Typhoon', 'x', 2, {
    id: 'ev-naha-2026b',
    startUtc: start + 86400,
    endUtc: start + 86400 + 7200,
  });
  assert.equal(original.status, 'postponed');
  assert.equal(original.replacedById, replacement.id);
  assert.equal(replacement.replacesId, original.id);
  assert.equal(replacement.status, 'proposed');
  assert.deepEqual(replacement.confirmations, {});
  assert.throws(() => confirmEvent(original, 'KR', 'x', 3), { code: 'CONFLICT' });
  assert.throws(() => postponeEvent(confirmed, 'x', 'x', 2, { id: confirmed.id, startUtc: 0, endUtc: 1 }), {
    code: 'INVALID_INPUT',
  });
});

test('bad times are rejected naming the field', () => {
  assert.throws(() => proposeEvent({ ...base, endUtc: base.startUtc - 1 }), { code: 'INVALID_INPUT', field: 'endUtc' });
});
