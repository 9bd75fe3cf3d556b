/** Valid dialogue records for tests (matrix policies, body examples, route tests), created through a repository. */
import { SEARCH_PLAN_OPTIMISER_ENTRY, localized } from '@tandem/core';
import type { Releasability } from '../db/schema.ts';
import type { SarRecordRepository } from '../records/sar-record-repository.ts';

export const T0 = Date.parse('2026-03-10T00:00:00Z') / 1000;
const DAY = 86_400;

export function sessionInput(seriesId: string, releasability: Releasability) {
  return {
    seriesId,
    title: 'S&T and AI dialogue, 3rd session',
    startUtc: T0,
    endUtc: T0 + 8 * 3600,
    location: 'Seoul',
    releasability,
    participants: [
      { name: 'Kim', organisation: 'MND', side: 'KR', role: 'co-chair' },
      { name: 'Sato', organisation: 'MOD', side: 'JP', role: 'co-chair' },
    ],
  } as const;
}

export const ACTION_ITEM_INPUT = {
  title: 'Exchange SAR test datasets',
  owners: { KR: { name: 'Kim', organisation: 'ADD' }, JP: { name: 'Sato', organisation: 'ATLA' } },
  dueUtc: T0 + 30 * DAY,
} as const;

/** A series, a session in it and one open action item, all owned by the repository's nation with one label. */
export async function createDialogueFixture(repo: SarRecordRepository, label: Releasability, tag: string) {
  const series = await repo.create('dialogue_series', {
    title: `series ${tag}`,
    releasability: label,
    body: { id: `series-${tag}`, title: localized('S&T/AI', 'S&T/AI', 'S&T/AI'), area: 'artificial-intelligence' },
  });
  const s = sessionInput(series.id, label);
  const session = await repo.create('dialogue_session', {
    title: `session ${tag}`,
    releasability: label,
    body: {
      id: 'pending',
      seriesId: series.id,
      title: localized(s.title, s.title, s.title),
      startUtc: s.startUtc,
      endUtc: s.endUtc,
      location: localized('Seoul', '서울', 'ソウル'),
      agenda: [],
      participants: s.participants,
      decisions: [],
      actionItems: [],
      minutes: [],
      commitmentIds: [],
    },
  });
  const t = ACTION_ITEM_INPUT.title;
  const item = await repo.create('action_item', {
    title: `item ${tag}`,
    releasability: label,
    body: {
      id: 'pending',
      sessionId: session.id,
      title: localized(t, t, t),
      owners: ACTION_ITEM_INPUT.owners,
      dueUtc: ACTION_ITEM_INPUT.dueUtc,
      status: 'open',
      evidence: [],
      commitmentIds: [],
    },
    derivedFrom: [session.id],
  });
  return { series, session, item };
}

/** An AI use register entry record with a feature id unique to `tag`. */
export async function createAiEntry(repo: SarRecordRepository, label: Releasability, tag: string) {
  return repo.create('ai_use_entry', {
    title: `entry ${tag}`,
    releasability: label,
    body: { ...SEARCH_PLAN_OPTIMISER_ENTRY, id: `feature-${tag}` },
  });
}
