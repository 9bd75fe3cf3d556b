import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localized } from './localized-text.ts';
import type { SupportItem } from './support-item.ts';
import { supportItemsWithoutLegalBasis, validateSupportItem } from './support-item.ts';

const fuel: SupportItem = {
  id: 'fuel-naha',
  kind: 'fuel',
  airfieldIcao: 'ROAH',
  providedBy: 'JP',
  description: localized('JP-8 for nine T-50B', 'T-50B 9대 JP-8 급유', 'T-50B 9機へのJP-8給油'),
  quantity: 30_000,
  unit: 'kg',
  reimbursable: true,
  legalBasis: {
    instrument: localized('Host-nation support arrangement', '주둔국 지원 약정', '受入国支援取決め'),
    provision: 'fuel annex',
  },
};

test('support items are listed until each has a legal basis', () => {
  const lodging: SupportItem = { ...fuel, id: 'lodging', kind: 'lodging', unit: 'person-nights', quantity: 120 };
  const { legalBasis: _lb, ...noBasis } = lodging;
  assert.deepEqual(
    supportItemsWithoutLegalBasis([fuel, noBasis]).map((s) => s.id),
    ['lodging'],
  );
  assert.equal(validateSupportItem(fuel), fuel);
  assert.throws(() => validateSupportItem({ ...fuel, quantity: -1 }), {
    code: 'OUT_OF_RANGE',
    field: 'supportItem.quantity',
  });
  assert.throws(() => validateSupportItem({ ...fuel, airfieldIcao: 'naha' }), { field: 'supportItem.airfieldIcao' });
});
