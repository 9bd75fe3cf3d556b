/**
 * Seeded casualty positions in the seas between Korea and Japan, water only. Each sea area is a labelled box;
 * names use both customary names where they differ ("East Sea / Sea of Japan"). A position is drawn uniformly in
 * the box and redrawn while it falls on land (the `LandMask` port, e.g. Natural Earth) or within `minOffshoreM`
 * of land (checked at eight points on a circle of that radius).
 */
import { TandemError } from '../errors/index.ts';
import type { LandMask } from '../forcing/index.ts';
import { offsetByMeters } from '../geo/index.ts';
import type { LonLat } from '../geo/index.ts';
import type { Rng } from '../random/index.ts';
import { text } from './localized-text.ts';
import type { DrillText } from './localized-text.ts';

export type SeaAreaId = 'korea-strait' | 'east-sea-sea-of-japan' | 'jeju-east-china-sea' | 'south-coast-archipelago';

export interface SeaArea {
  readonly id: SeaAreaId;
  readonly name: DrillText;
  /** [west, south, east, north], degrees. */
  readonly bboxDeg: readonly [number, number, number, number];
}

export const SEA_AREAS: readonly SeaArea[] = [
  {
    id: 'korea-strait',
    name: text('Korea Strait / Tsushima Strait', '대한해협 / 쓰시마 해협', '朝鮮海峡 / 対馬海峡'),
    bboxDeg: [128.6, 33.7, 130.4, 35.0],
  },
  {
    id: 'east-sea-sea-of-japan',
    name: text('East Sea / Sea of Japan (south-western part)', '동해 / 일본해 (남서부)', '東海 / 日本海（南西部）'),
    bboxDeg: [129.8, 35.6, 133.0, 38.0],
  },
  {
    id: 'jeju-east-china-sea',
    name: text(
      'Waters south of Jeju and the northern East China Sea',
      '제주 남방 해역 및 동중국해 북부',
      '済州島南方海域および東シナ海北部',
    ),
    bboxDeg: [125.5, 31.8, 128.5, 33.1],
  },
  {
    id: 'south-coast-archipelago',
    name: text('Off the south coast of Korea', '한국 남해안 앞바다', '韓国南岸沖'),
    bboxDeg: [126.8, 33.6, 128.6, 34.3],
  },
];

/** Largest number of draws before the generator gives up (an area that is all land). */
export const MAX_LOCATION_DRAWS = 2000;

export function findSeaArea(id: string, field = 'seaArea'): SeaArea {
  const a = SEA_AREAS.find((s) => s.id === id);
  if (a === undefined)
    throw new TandemError(
      'INVALID_INPUT',
      `unknown sea area "${id}"; one of ${SEA_AREAS.map((s) => s.id).join(', ')}`,
      field,
    );
  return a;
}

/** A water position in `area` at least `minOffshoreM` from land, drawn from `rng`. */
export function generateCasualtyPosition(area: SeaArea, land: LandMask, rng: Rng, minOffshoreM = 2000): LonLat {
  const [w, s, e, n] = area.bboxDeg;
  for (let k = 0; k < MAX_LOCATION_DRAWS; k++) {
    const p: LonLat = [w + (e - w) * rng.uniform(), s + (n - s) * rng.uniform()];
    if (land.isLand(p[0], p[1])) continue;
    let clear = true;
    for (let q = 0; q < 8 && clear && minOffshoreM > 0; q++) {
      const a = (q * Math.PI) / 4;
      const r = offsetByMeters(p, minOffshoreM * Math.sin(a), minOffshoreM * Math.cos(a));
      if (land.isLand(r[0], r[1])) clear = false;
    }
    if (clear) return p;
  }
  throw new TandemError(
    'OUT_OF_RANGE',
    `no water position ${minOffshoreM} m from land found in ${MAX_LOCATION_DRAWS} draws in sea area "${area.id}"`,
    'seaArea',
  );
}
