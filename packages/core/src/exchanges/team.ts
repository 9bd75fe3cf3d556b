import { localized } from './localized-text.ts';
import type { LocalizedText } from './localized-text.ts';
import type { PartnerSide } from './country.ts';

/** A number of aircraft of one type within a team or its support package. */
export interface AircraftComplement {
  readonly typeId: string;
  readonly count: number;
}

/** An air demonstration team, its home base and the aircraft that travel with it. */
export interface Team {
  readonly id: string;
  readonly name: LocalizedText;
  readonly side: PartnerSide;
  readonly unit: LocalizedText;
  readonly homeBaseIcao: string;
  readonly display: readonly AircraftComplement[];
  readonly support: readonly AircraftComplement[];
  /** Approximate number of people who deploy, for lodging and transport support. */
  readonly deployingPersonnel: number;
  readonly source: string;
}

export const SEED_TEAMS: readonly Team[] = [
  {
    id: 'black-eagles',
    name: localized('Black Eagles', '블랙이글스', 'ブラックイーグルス'),
    side: 'KR',
    unit: localized('ROKAF 53rd Air Demonstration Group', '공군 제53특수비행전대', '韓国空軍第53特殊飛行戦隊'),
    homeBaseIcao: 'RKNW',
    display: [{ typeId: 'T-50B', count: 9 }],
    support: [{ typeId: 'C-130H', count: 4 }],
    deployingPersonnel: 120,
    source: 'Issue 8: 28 Jan 2026 stopover, nine T-50B with four C-130s and about 120 people',
  },
  {
    id: 'blue-impulse',
    name: localized('Blue Impulse', '블루임펄스', 'ブルーインパルス'),
    side: 'JP',
    unit: localized(
      'JASDF 11th Squadron, 4th Air Wing',
      '항공자위대 제4항공단 제11비행대',
      '航空自衛隊第4航空団第11飛行隊',
    ),
    homeBaseIcao: 'RJST',
    display: [{ typeId: 'T-4', count: 6 }],
    support: [],
    deployingPersonnel: 40,
    source: 'JASDF public information (six display aircraft); deploying personnel is an input',
  },
];
