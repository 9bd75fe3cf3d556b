import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drillsMessages } from './messages.ts';

/** Every leaf of a message table as [dotted key, text]. */
function leaves(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v as object, `${prefix}${k}.`),
  );
}

test('the drills texts exist in English, Korean and Japanese with the same keys and placeholders, none empty', () => {
  const en = leaves(drillsMessages.en);
  for (const lang of ['ko', 'ja'] as const) {
    const other = new Map(leaves(drillsMessages[lang]));
    assert.deepEqual([...other.keys()].sort(), en.map(([k]) => k).sort(), lang);
    for (const [k, text] of en) {
      const translated = other.get(k) ?? '';
      assert.notEqual(translated.trim(), '', `${lang} ${k} is empty`);
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      assert.deepEqual(placeholders(translated), placeholders(text), `${lang} ${k} placeholders`);
    }
  }
  // Korean and Japanese texts are in their scripts (not left in English), apart from codes and abbreviations.
  const ko = leaves(drillsMessages.ko).filter(([, s]) => /[가-힣]/.test(s)).length;
  const ja = leaves(drillsMessages.ja).filter(([, s]) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s)).length;
  assert.ok(ko / en.length > 0.9, `Korean ${ko}/${en.length}`);
  assert.ok(ja / en.length > 0.9, `Japanese ${ja}/${en.length}`);
});

test('no contested place is named by the name of one nation alone in the drills texts', () => {
  const all = (['en', 'ko', 'ja'] as const).flatMap((l) => leaves(drillsMessages[l]).map(([, s]) => s));
  for (const s of all)
    assert.doesNotMatch(s, /Dokdo|Takeshima|East Sea|Sea of Japan|독도|다케시마|동해|일본해|竹島|独島|日本海|東海/, s);
});
