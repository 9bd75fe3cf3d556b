/**
 * Search-unit types and bases of both nations, seeded from public figures (editable data: change a figure here
 * or override it per unit in the plan document). Speeds and endurance are typical planning figures derived from
 * published maximum/cruise speeds and ranges, not performance guarantees; each row names its source. Knots, feet
 * and hours appear only through the units functions.
 *
 * Eye height / altitude feeds the sweep-width tables, which stop at 14 ft for surface units: a ship's bridge eye
 * height above that is clamped to the 14 ft table (conservative).
 */
import { feetToMeters, hoursToSeconds, knotsToMetersPerSecond, nauticalMilesToMeters } from '../units/index.ts';
import type { SearchPlatform } from './sweep-width-table.ts';

export type Nation = 'KR' | 'JP';

export interface SearchUnitType {
  readonly id: string;
  readonly nation: Nation;
  readonly operator: string;
  readonly name: string;
  readonly platform: SearchPlatform;
  /** Search speed, m/s. */
  readonly searchSpeedMps: number;
  /** Transit speed to and from the area, m/s. */
  readonly transitSpeedMps: number;
  /** Time available for one sortie from base and back, s. */
  readonly enduranceS: number;
  /** Observer eye height (surface) or typical search altitude (aircraft), m. */
  readonly searchHeightM: number;
  /** Turn radius at search speed, m (turn allowance: 2 r per 180° reversal). */
  readonly turnRadiusM: number;
  readonly source: string;
}

const kt = knotsToMetersPerSecond;
const h = hoursToSeconds;
const ft = feetToMeters;
const nm = nauticalMilesToMeters;

export const SEARCH_UNIT_TYPES: readonly SearchUnitType[] = [
  {
    id: 'kr-navy-kdx1',
    nation: 'KR',
    operator: 'ROK Navy',
    name: 'Gwanggaeto the Great-class destroyer (KDX-I)',
    platform: 'boat',
    searchSpeedMps: kt(12),
    transitSpeedMps: kt(18),
    enduranceS: h(72),
    searchHeightM: ft(14),
    turnRadiusM: nm(0.3),
    source: 'ROK Navy / Janes public data: max 30 kt, range 4,000 NM at 18 kt',
  },
  {
    id: 'kr-navy-pkg',
    nation: 'KR',
    operator: 'ROK Navy',
    name: 'Yoon Youngha-class patrol killer (PKG)',
    platform: 'boat',
    searchSpeedMps: kt(15),
    transitSpeedMps: kt(25),
    enduranceS: h(48),
    searchHeightM: ft(14),
    turnRadiusM: nm(0.2),
    source: 'Hanjin Heavy Industries / public data: max ~40 kt, 570 t',
  },
  {
    id: 'kr-kcg-3000t',
    nation: 'KR',
    operator: 'Korea Coast Guard',
    name: 'Taepyeongyang-class 3,000 t patrol vessel',
    platform: 'boat',
    searchSpeedMps: kt(12),
    transitSpeedMps: kt(18),
    enduranceS: h(96),
    searchHeightM: ft(14),
    turnRadiusM: nm(0.3),
    source: 'Korea Coast Guard public data: max ~25 kt',
  },
  {
    id: 'kr-kcg-small-patrol',
    nation: 'KR',
    operator: 'Korea Coast Guard',
    name: 'Small patrol boat (~50 t)',
    platform: 'boat',
    searchSpeedMps: kt(10),
    transitSpeedMps: kt(20),
    enduranceS: h(12),
    searchHeightM: ft(8),
    turnRadiusM: nm(0.05),
    source: 'Korea Coast Guard public data (typical coastal patrol boat)',
  },
  {
    id: 'kr-navy-p3ck',
    nation: 'KR',
    operator: 'ROK Navy',
    name: 'P-3CK Orion maritime patrol aircraft',
    platform: 'aircraft',
    searchSpeedMps: kt(180),
    transitSpeedMps: kt(320),
    enduranceS: h(10),
    searchHeightM: ft(1000),
    turnRadiusM: nm(0.8),
    source: 'Lockheed Martin P-3C public data: cruise ~330 kt, endurance 12–16 h',
  },
  {
    id: 'kr-navy-p8a',
    nation: 'KR',
    operator: 'ROK Navy',
    name: 'P-8A Poseidon maritime patrol aircraft',
    platform: 'aircraft',
    searchSpeedMps: kt(210),
    transitSpeedMps: kt(440),
    enduranceS: h(9),
    searchHeightM: ft(1000),
    turnRadiusM: nm(1),
    source: 'Boeing P-8A public data: cruise 440 kt (815 km/h), 4 h on station at 1,200 NM',
  },
  {
    id: 'kr-navy-aw159',
    nation: 'KR',
    operator: 'ROK Navy',
    name: 'AW159 Wildcat helicopter',
    platform: 'helicopter',
    searchSpeedMps: kt(90),
    transitSpeedMps: kt(130),
    enduranceS: h(2.5),
    searchHeightM: ft(500),
    turnRadiusM: nm(0.2),
    source: 'Leonardo AW159 public data: max 157 kt, endurance ~2.5 h (4.5 h with auxiliary fuel)',
  },
  {
    id: 'kr-kcg-aw189',
    nation: 'KR',
    operator: 'Korea Coast Guard',
    name: 'AW189 SAR helicopter',
    platform: 'helicopter',
    searchSpeedMps: kt(90),
    transitSpeedMps: kt(145),
    enduranceS: h(4),
    searchHeightM: ft(500),
    turnRadiusM: nm(0.2),
    source: 'Leonardo AW189 public data: cruise 145 kt, endurance up to 4 h 50 min',
  },
  {
    id: 'kr-kcg-cn235',
    nation: 'KR',
    operator: 'Korea Coast Guard',
    name: 'CN-235 maritime patrol aircraft',
    platform: 'aircraft',
    searchSpeedMps: kt(150),
    transitSpeedMps: kt(230),
    enduranceS: h(8),
    searchHeightM: ft(1000),
    turnRadiusM: nm(0.6),
    source: 'Airbus CN-235 MPA public data: cruise ~230 kt, endurance up to 9 h',
  },
  {
    id: 'jp-jmsdf-p1',
    nation: 'JP',
    operator: 'JMSDF',
    name: 'Kawasaki P-1 maritime patrol aircraft',
    platform: 'aircraft',
    searchSpeedMps: kt(210),
    transitSpeedMps: kt(450),
    enduranceS: h(10),
    searchHeightM: ft(1000),
    turnRadiusM: nm(1),
    source: 'Kawasaki Heavy Industries P-1 public data: cruise 450 kt (833 km/h), range 8,000 km',
  },
  {
    id: 'jp-jmsdf-p3c',
    nation: 'JP',
    operator: 'JMSDF',
    name: 'P-3C Orion maritime patrol aircraft',
    platform: 'aircraft',
    searchSpeedMps: kt(180),
    transitSpeedMps: kt(320),
    enduranceS: h(10),
    searchHeightM: ft(1000),
    turnRadiusM: nm(0.8),
    source: 'Lockheed Martin / Kawasaki P-3C public data: cruise ~330 kt, endurance 12–16 h',
  },
  {
    id: 'jp-jmsdf-sh60k',
    nation: 'JP',
    operator: 'JMSDF',
    name: 'SH-60K helicopter',
    platform: 'helicopter',
    searchSpeedMps: kt(90),
    transitSpeedMps: kt(130),
    enduranceS: h(3),
    searchHeightM: ft(500),
    turnRadiusM: nm(0.2),
    source: 'Mitsubishi SH-60K public data: max ~140 kt, endurance ~3.5 h',
  },
  {
    id: 'jp-jmsdf-us2',
    nation: 'JP',
    operator: 'JMSDF',
    name: 'ShinMaywa US-2 amphibian (SAR)',
    platform: 'aircraft',
    searchSpeedMps: kt(150),
    transitSpeedMps: kt(260),
    enduranceS: h(9),
    searchHeightM: ft(500),
    turnRadiusM: nm(0.6),
    source: 'ShinMaywa US-2 public data: cruise 260 kt (480 km/h), range 4,700 km',
  },
  {
    id: 'jp-jmsdf-destroyer',
    nation: 'JP',
    operator: 'JMSDF',
    name: 'Murasame-class destroyer',
    platform: 'boat',
    searchSpeedMps: kt(12),
    transitSpeedMps: kt(18),
    enduranceS: h(72),
    searchHeightM: ft(14),
    turnRadiusM: nm(0.3),
    source: 'JMSDF public data: max 30 kt',
  },
  {
    id: 'jp-jcg-plh',
    nation: 'JP',
    operator: 'Japan Coast Guard',
    name: 'Large patrol vessel with helicopter (PLH, e.g. Mizuho class)',
    platform: 'boat',
    searchSpeedMps: kt(12),
    transitSpeedMps: kt(18),
    enduranceS: h(96),
    searchHeightM: ft(14),
    turnRadiusM: nm(0.3),
    source: 'Japan Coast Guard public data: max 23+ kt',
  },
  {
    id: 'jp-jcg-pm',
    nation: 'JP',
    operator: 'Japan Coast Guard',
    name: 'Medium patrol vessel (PM, e.g. Tokara class)',
    platform: 'boat',
    searchSpeedMps: kt(12),
    transitSpeedMps: kt(20),
    enduranceS: h(48),
    searchHeightM: ft(14),
    turnRadiusM: nm(0.2),
    source: 'Japan Coast Guard public data: max ~30 kt',
  },
  {
    id: 'jp-jcg-falcon2000',
    nation: 'JP',
    operator: 'Japan Coast Guard',
    name: 'Falcon 2000 maritime surveillance jet',
    platform: 'aircraft',
    searchSpeedMps: kt(210),
    transitSpeedMps: kt(430),
    enduranceS: h(6),
    searchHeightM: ft(1500),
    turnRadiusM: nm(1.2),
    source: 'Dassault Falcon 2000 MSA public data: cruise ~430 kt',
  },
  {
    id: 'jp-jcg-aw139',
    nation: 'JP',
    operator: 'Japan Coast Guard',
    name: 'AW139 helicopter',
    platform: 'helicopter',
    searchSpeedMps: kt(90),
    transitSpeedMps: kt(150),
    enduranceS: h(3.5),
    searchHeightM: ft(500),
    turnRadiusM: nm(0.2),
    source: 'Leonardo AW139 public data: cruise 165 kt, endurance ~5 h',
  },
  {
    id: 'jp-jasdf-uh60j',
    nation: 'JP',
    operator: 'JASDF',
    name: 'UH-60J rescue helicopter',
    platform: 'helicopter',
    searchSpeedMps: kt(90),
    transitSpeedMps: kt(135),
    enduranceS: h(4),
    searchHeightM: ft(500),
    turnRadiusM: nm(0.2),
    source: 'Mitsubishi UH-60J public data: cruise ~135 kt, range ~1,300 km',
  },
];

export interface SearchBase {
  readonly id: string;
  readonly nation: Nation;
  readonly name: string;
  readonly lonDeg: number;
  readonly latDeg: number;
  readonly kind: 'port' | 'air-base';
}

/** Bases (approximate positions from public maps, to 0.01°). */
export const SEARCH_BASES: readonly SearchBase[] = [
  { id: 'kr-busan', nation: 'KR', name: 'Busan', lonDeg: 129.09, latDeg: 35.1, kind: 'port' },
  { id: 'kr-jinhae', nation: 'KR', name: 'Jinhae', lonDeg: 128.66, latDeg: 35.14, kind: 'port' },
  { id: 'kr-donghae', nation: 'KR', name: 'Donghae', lonDeg: 129.12, latDeg: 37.49, kind: 'port' },
  { id: 'kr-jeju-gangjeong', nation: 'KR', name: 'Jeju (Gangjeong)', lonDeg: 126.48, latDeg: 33.23, kind: 'port' },
  { id: 'kr-pohang-air', nation: 'KR', name: 'Pohang air base', lonDeg: 129.42, latDeg: 35.99, kind: 'air-base' },
  { id: 'kr-gimhae-air', nation: 'KR', name: 'Gimhae air base', lonDeg: 128.94, latDeg: 35.18, kind: 'air-base' },
  { id: 'kr-jeju-air', nation: 'KR', name: 'Jeju airport', lonDeg: 126.49, latDeg: 33.51, kind: 'air-base' },
  { id: 'jp-sasebo', nation: 'JP', name: 'Sasebo', lonDeg: 129.72, latDeg: 33.16, kind: 'port' },
  { id: 'jp-maizuru', nation: 'JP', name: 'Maizuru', lonDeg: 135.38, latDeg: 35.47, kind: 'port' },
  { id: 'jp-moji', nation: 'JP', name: 'Kitakyushu (Moji)', lonDeg: 130.96, latDeg: 33.95, kind: 'port' },
  { id: 'jp-fukuoka-air', nation: 'JP', name: 'Fukuoka airport', lonDeg: 130.45, latDeg: 33.59, kind: 'air-base' },
  { id: 'jp-omura-air', nation: 'JP', name: 'Omura air base', lonDeg: 129.93, latDeg: 32.93, kind: 'air-base' },
  { id: 'jp-kanoya-air', nation: 'JP', name: 'Kanoya air base', lonDeg: 130.84, latDeg: 31.37, kind: 'air-base' },
  { id: 'jp-iwakuni-air', nation: 'JP', name: 'Iwakuni air base', lonDeg: 132.24, latDeg: 34.14, kind: 'air-base' },
];

/** A unit type by id, or undefined. */
export function findSearchUnitType(id: string): SearchUnitType | undefined {
  return SEARCH_UNIT_TYPES.find((t) => t.id === id);
}
