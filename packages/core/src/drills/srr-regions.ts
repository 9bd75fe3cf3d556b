/**
 * Simplified search and rescue regions (SRRs) of the Republic of Korea and Japan for training.
 *
 * The boundary is a simplified polyline, rounded to 0.1°, approximating where the two aeronautical SRRs meet
 * (ICAO Annex 12 §2.1 and the IAMSAR Manual Vol I §2.1 recommend that SRRs coincide with flight information
 * regions: Incheon FIR and Fukuoka FIR), and, in the Korea Strait, the 1974 Japan–Republic of Korea continental
 * shelf boundary (northern part) described in US Dept of State, *Limits in the Seas* No. 75 (1977), whose end
 * points lie near 32.95°N 127.7°E and 36.2°N 129.8°E. The points are approximations for exercises, not the legal
 * SRR of the 1990 Korea–Japan SAR agreement (its annex was not available to us: to confirm before any real use).
 * Islands are named by coordinates only. Everything outside both polygons belongs to neither (other SRRs).
 */
import type { LonLat } from '../geo/index.ts';
import type { Nation } from '../search/index.ts';
import { text } from './localized-text.ts';
import type { DrillText } from './localized-text.ts';

export const SRR_SOURCE =
  'Simplified training boundary approximating the Incheon FIR / Fukuoka FIR limit (ICAO Annex 12; IAMSAR Vol I §2.1) ' +
  'and the 1974 Japan–ROK continental shelf boundary (US Dept of State, Limits in the Seas No. 75, 1977); to confirm';

/** The boundary from south-west to north-east, [lon, lat]: the Korean SRR lies to its west/north. */
export const SRR_BOUNDARY: readonly LonLat[] = [
  [124.0, 30.0],
  [127.0, 30.0],
  [127.7, 32.9],
  [128.8, 34.1],
  [129.4, 34.7],
  [130.3, 35.6],
  [132.0, 36.3],
  [133.0, 37.5],
  [133.0, 41.5],
];

export interface SrrRegion {
  readonly nation: Nation;
  readonly name: DrillText;
  /** The rescue coordination authority that runs cases in the region. */
  readonly rcc: DrillText;
  /** Closed ring [lon, lat]. */
  readonly polygon: readonly LonLat[];
}

const KR_RING: LonLat[] = [[123.0, 30.0], ...SRR_BOUNDARY, [123.0, 41.5], [123.0, 30.0]];
const JP_RING: LonLat[] = [...SRR_BOUNDARY, [137.0, 41.5], [137.0, 29.0], [124.0, 29.0], [124.0, 30.0]];

export const SRR_REGIONS: readonly SrrRegion[] = [
  {
    nation: 'KR',
    name: text('Republic of Korea SRR (simplified)', '대한민국 수색구조구역 (단순화)', '韓国の捜索救助区域（簡略化）'),
    rcc: text('Korea Coast Guard RCC', '해양경찰청 구조조정본부', '韓国海洋警察庁 救助調整本部'),
    polygon: KR_RING,
  },
  {
    nation: 'JP',
    name: text('Japan SRR (simplified)', '일본 수색구조구역 (단순화)', '日本の捜索救助区域（簡略化）'),
    rcc: text('Japan Coast Guard RCC', '일본 해상보안청 구조조정본부', '海上保安庁 救助調整本部'),
    polygon: JP_RING,
  },
];

function inRing(lon: number, lat: number, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LonLat;
    const [xj, yj] = ring[j] as LonLat;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The nation whose (simplified) SRR contains the position, or undefined outside both. */
export function srrNationAt(lonDeg: number, latDeg: number): Nation | undefined {
  for (const r of SRR_REGIONS) if (inRing(lonDeg, latDeg, r.polygon)) return r.nation;
  return undefined;
}

/** The region of a nation. */
export function srrRegion(nation: Nation): SrrRegion {
  return SRR_REGIONS.find((r) => r.nation === nation) as SrrRegion;
}

/** The coordination message when a case moves from one SRR to the other (IAMSAR Vol II §3: transfer of SMC). */
export function srrHandOverText(from: Nation, to: Nation, atLonLat: LonLat): DrillText {
  const a = srrRegion(from).rcc;
  const b = srrRegion(to).rcc;
  const pos = `${atLonLat[1].toFixed(2)}N ${atLonLat[0].toFixed(2)}E`;
  return text(
    `The case has crossed into the ${to === 'KR' ? 'Korean' : 'Japanese'} SRR near ${pos}: ${a.en} informs ${b.en}, agrees the transfer of SAR mission coordination and keeps its units under the new SMC.`,
    `사건이 ${pos} 부근에서 ${to === 'KR' ? '한국' : '일본'} 수색구조구역으로 넘어갔습니다: ${a.ko}가 ${b.ko}에 통보하고, 수색구조임무조정(SMC) 이양에 합의하며, 자국 구조세력은 새 SMC의 지휘를 받습니다.`,
    `事案が${pos}付近で${to === 'KR' ? '韓国' : '日本'}の捜索救助区域に入りました: ${a.ja}は${b.ja}に通報し、SAR任務調整（SMC）の移管に合意し、自国の救助勢力は新しいSMCの調整下に入ります。`,
  );
}
