/**
 * SAR messages of a search plan in English, Korean and Japanese (`sar-method.md` §6): the search action message
 * (six parts: situation, search areas, execution, coordination, communications, reports; IAMSAR Vol II ch. 6
 * and app. D) and the SAR SITREP (IMO format: header, parts A–F, full form G–N).
 * Positions are written as coordinates only (degrees and decimal minutes, WGS 84): no place is named, so no
 * contested name (for either nation) can appear in a shared message. Distances in nautical miles and altitudes in
 * feet, converted at this edge.
 */
import { metersToFeet, metersToNauticalMiles, metersPerSecondToKnots, secondsToHours } from '@tandem/core';
import type { LonLat, PatternKind, PlanResult } from '@tandem/core';

export type MessageLanguage = 'en' | 'ko' | 'ja';
export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = ['en', 'ko', 'ja'];

/** What the plan does not know: who sends, to whom, the casualty, the weather. Free text stays as given. */
export interface MessageInfo {
  readonly from: string;
  readonly to: readonly string[];
  /** Message time, epoch s UTC. */
  readonly timeS: number;
  readonly priority?: 'DISTRESS' | 'URGENCY' | 'ROUTINE';
  readonly sitrepNumber?: number;
  readonly casualty?: string;
  readonly personsAtRisk?: number;
  readonly datum?: LonLat;
  readonly smc?: string;
  readonly osc?: string;
  readonly weather?: string;
  readonly channels?: readonly string[];
}

interface Labels {
  readonly title: string;
  readonly sitrep: string;
  readonly parts: readonly [string, string, string, string, string, string];
  readonly sitrepParts: Readonly<
    Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'J' | 'K' | 'L' | 'M' | 'N', string>
  >;
  readonly pattern: Readonly<Record<PatternKind, string>>;
  readonly nation: Readonly<Record<'KR' | 'JP', string>>;
  readonly area: string;
  readonly unit: string;
  readonly corners: string;
  readonly size: string;
  readonly csp: string;
  readonly creep: string;
  readonly altitude: string;
  readonly surface: string;
  readonly spacing: string;
  readonly coverage: string;
  readonly onScene: string;
  readonly pos: string;
  readonly bound: string;
  readonly unknown: string;
  readonly none: string;
  readonly lat: (deg: number, min: string, north: boolean) => string;
  readonly lon: (deg: number, min: string, east: boolean) => string;
  readonly situationText: (n: number) => string;
  readonly reportsText: string;
  readonly assistance: string;
  readonly actions: string;
  readonly future: string;
  readonly instructions: string;
}

const LABELS: Readonly<Record<MessageLanguage, Labels>> = {
  en: {
    title: 'SEARCH ACTION MESSAGE',
    sitrep: 'SAR SITREP',
    parts: ['1. SITUATION', '2. SEARCH AREAS', '3. EXECUTION', '4. COORDINATION', '5. COMMUNICATIONS', '6. REPORTS'],
    sitrepParts: {
      A: 'A. IDENTITY OF CASUALTY',
      B: 'B. POSITION',
      C: 'C. SITUATION',
      D: 'D. PERSONS AT RISK',
      E: 'E. ASSISTANCE REQUIRED',
      F: 'F. COORDINATING RCC',
      G: 'G. DESCRIPTION OF CASUALTY',
      H: 'H. WEATHER ON SCENE',
      J: 'J. INITIAL ACTIONS TAKEN',
      K: 'K. SEARCH AREA',
      L: 'L. COORDINATING INSTRUCTIONS',
      M: 'M. FUTURE PLANS',
      N: 'N. ADDITIONAL INFORMATION',
    },
    pattern: {
      parallel: 'parallel sweep (PS)',
      creeping: 'creeping line (CS)',
      'expanding-square': 'expanding square (SS)',
      sector: 'sector (VS)',
      'track-line': 'track line (TS)',
    },
    nation: { KR: 'Republic of Korea', JP: 'Japan' },
    area: 'Area',
    unit: 'Unit',
    corners: 'corners',
    size: 'size',
    csp: 'commence search point',
    creep: 'creep direction',
    altitude: 'altitude',
    surface: 'surface',
    spacing: 'track spacing',
    coverage: 'coverage',
    onScene: 'on scene',
    pos: 'planned probability of success',
    bound: 'upper bound',
    unknown: 'unknown',
    none: 'none',
    lat: (d, m, n) => `${String(d).padStart(2, '0')}-${m}${n ? 'N' : 'S'}`,
    lon: (d, m, e) => `${String(d).padStart(3, '0')}-${m}${e ? 'E' : 'W'}`,
    situationText: (n) => `Combined search by ${n} unit(s) of the Republic of Korea and Japan.`,
    reportsText:
      'Report on arrival on scene, hourly, on any sighting and on departure; report areas searched and conditions.',
    assistance: 'Search units as assigned in the search action message.',
    actions: 'Search action message issued to all units.',
    future: 'Re-plan with the updated probability map after the first search.',
    instructions: 'Units search only their assigned areas; aircraft keep assigned altitudes.',
  },
  ko: {
    title: '수색 실행 메시지',
    sitrep: 'SAR 상황보고(SITREP)',
    parts: ['1. 상황', '2. 수색 구역', '3. 실행', '4. 협조', '5. 통신', '6. 보고'],
    sitrepParts: {
      A: 'A. 조난 선박/항공기 식별',
      B: 'B. 위치',
      C: 'C. 상황',
      D: 'D. 위험에 처한 인원',
      E: 'E. 필요한 지원',
      F: 'F. 조정 구조조정본부(RCC)',
      G: 'G. 조난 선박/항공기 설명',
      H: 'H. 현장 기상',
      J: 'J. 초기 조치',
      K: 'K. 수색 구역',
      L: 'L. 협조 지시',
      M: 'M. 향후 계획',
      N: 'N. 추가 정보',
    },
    pattern: {
      parallel: '평행 탐색(PS)',
      creeping: '크리핑 라인 탐색(CS)',
      'expanding-square': '확장 사각형 탐색(SS)',
      sector: '섹터 탐색(VS)',
      'track-line': '항적선 탐색(TS)',
    },
    nation: { KR: '대한민국', JP: '일본' },
    area: '구역',
    unit: '부대',
    corners: '꼭짓점',
    size: '면적',
    csp: '수색 개시점(CSP)',
    creep: '진행 방향',
    altitude: '고도',
    surface: '수상',
    spacing: '탐색 간격',
    coverage: '커버리지',
    onScene: '현장 체류',
    pos: '계획 성공 확률(POS)',
    bound: '상한',
    unknown: '미상',
    none: '없음',
    lat: (d, m, n) => `${n ? '북위' : '남위'} ${d}°${m}′`,
    lon: (d, m, e) => `${e ? '동경' : '서경'} ${d}°${m}′`,
    situationText: (n) => `대한민국과 일본의 ${n}개 부대에 의한 연합 수색.`,
    reportsText: '현장 도착 시, 매시간, 발견 시 및 이탈 시 보고하고 수색한 구역과 현장 상황을 보고할 것.',
    assistance: '수색 실행 메시지에 지정된 수색 부대.',
    actions: '모든 부대에 수색 실행 메시지 발송.',
    future: '1차 수색 후 갱신된 확률 지도로 재계획.',
    instructions: '각 부대는 지정된 구역만 수색하며 항공기는 지정 고도를 유지할 것.',
  },
  ja: {
    title: '捜索実施電報',
    sitrep: 'SAR状況報告(SITREP)',
    parts: ['1. 状況', '2. 捜索区域', '3. 実施', '4. 調整', '5. 通信', '6. 報告'],
    sitrepParts: {
      A: 'A. 遭難船舶・航空機の識別',
      B: 'B. 位置',
      C: 'C. 状況',
      D: 'D. 危険にさらされている人数',
      E: 'E. 必要な支援',
      F: 'F. 調整救助調整本部(RCC)',
      G: 'G. 遭難船舶・航空機の説明',
      H: 'H. 現場の気象',
      J: 'J. 初動措置',
      K: 'K. 捜索区域',
      L: 'L. 調整指示',
      M: 'M. 今後の計画',
      N: 'N. 追加情報',
    },
    pattern: {
      parallel: '平行捜索(PS)',
      creeping: 'クリーピングライン捜索(CS)',
      'expanding-square': '拡大方形捜索(SS)',
      sector: '扇形捜索(VS)',
      'track-line': '航跡線捜索(TS)',
    },
    nation: { KR: '韓国', JP: '日本' },
    area: '区域',
    unit: '部隊',
    corners: '頂点',
    size: '面積',
    csp: '捜索開始点(CSP)',
    creep: '進行方向',
    altitude: '高度',
    surface: '水上',
    spacing: '捜索間隔',
    coverage: 'カバレッジ',
    onScene: '現場滞在',
    pos: '計画成功確率(POS)',
    bound: '上限',
    unknown: '不明',
    none: 'なし',
    lat: (d, m, n) => `${n ? '北緯' : '南緯'}${d}度${m}分`,
    lon: (d, m, e) => `${e ? '東経' : '西経'}${d}度${m}分`,
    situationText: (n) => `韓国及び日本の${n}部隊による共同捜索。`,
    reportsText: '現場到着時、毎時、発見時及び離脱時に報告し、捜索した区域と現場の状況を報告すること。',
    assistance: '捜索実施電報で指定した捜索部隊。',
    actions: '全部隊に捜索実施電報を発信。',
    future: '第1次捜索後、更新した確率図で再計画。',
    instructions: '各部隊は指定区域のみを捜索し、航空機は指定高度を維持すること。',
  },
};

function dm(v: number): [number, string] {
  const a = Math.abs(v);
  let d = Math.floor(a);
  let m = Math.round((a - d) * 600) / 10;
  if (m >= 60) {
    d += 1;
    m = 0;
  }
  return [d, m.toFixed(1).padStart(4, '0')];
}

/** A position as degrees and decimal minutes in the language's style. */
export function formatPosition(p: LonLat, lang: MessageLanguage): string {
  const L = LABELS[lang];
  const [ld, lm] = dm(p[1]);
  const [od, om] = dm(p[0]);
  return `${L.lat(ld, lm, p[1] >= 0)} ${L.lon(od, om, p[0] >= 0)}`;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Date-time group DDHHMMZ MON YY (UTC). */
export function dateTimeGroup(timeS: number): string {
  const d = new Date(timeS * 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())}${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}Z ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCFullYear() % 100)}`;
}

const nm1 = (m: number): string => `${metersToNauticalMiles(m).toFixed(1)} NM`;

function header(info: MessageInfo, title: string): string[] {
  return [info.priority ?? 'URGENCY', dateTimeGroup(info.timeS), `FM ${info.from}`, `TO ${info.to.join(', ')}`, title];
}

/** The six-part search action message. */
export function searchActionMessage(plan: PlanResult, lang: MessageLanguage, info: MessageInfo): string {
  const L = LABELS[lang];
  const units = plan.units.filter((u) => u.area.length > 0);
  const lines = header(info, L.title);
  lines.push('', L.parts[0], L.situationText(plan.units.length));
  if (info.casualty !== undefined) lines.push(info.casualty);
  if (info.datum !== undefined) lines.push(formatPosition(info.datum, lang));
  lines.push('', L.parts[1]);
  units.forEach((u, k) => {
    const corners = u.area.slice(0, -1).map((p) => formatPosition(p, lang));
    lines.push(
      `${L.area} ${String.fromCharCode(65 + k)}: ${L.corners} ${corners.join(' / ')}; ${L.size} ${(metersToNauticalMiles(Math.sqrt(u.areaM2)) ** 2).toFixed(0)} NM²`,
    );
  });
  lines.push('', L.parts[2]);
  units.forEach((u, k) => {
    const kind = u.pattern?.kind ?? 'parallel';
    const w = u.pattern?.waypoints;
    let creep = '';
    if (w !== undefined && w.length >= 8 && (kind === 'parallel' || kind === 'creeping')) {
      // From the start of the first leg to the end of the second: across the legs, the way the search advances.
      const bearing =
        ((Math.atan2((w[6] as number) - (w[0] as number), (w[7] as number) - (w[1] as number)) * 180) / Math.PI + 360) %
        360;
      creep = `; ${L.creep} ${bearing.toFixed(0).padStart(3, '0')}T`;
    }
    const alt = u.platform === 'boat' ? L.surface : `${Math.round(metersToFeet(u.altitudeM) / 100) * 100} ft`;
    const csp = u.waypoints[0];
    lines.push(
      `${L.area} ${String.fromCharCode(65 + k)} — ${L.unit} ${u.id} (${L.nation[u.nation]}, ${u.name}): ${L.pattern[kind]}${creep}; ${L.csp} ${csp !== undefined ? formatPosition(csp, lang) : L.unknown}; ${L.altitude} ${alt}`,
    );
  });
  lines.push('', L.parts[3], `SMC ${info.smc ?? info.from}; OSC ${info.osc ?? L.unknown}`);
  units.forEach((u) => {
    const when = u.intercept !== undefined && plan.startTimeS > 0 ? dateTimeGroup(u.intercept.timeS) : L.unknown;
    lines.push(
      `${u.id}: ${L.onScene} ${when}, ${secondsToHours(u.onSceneS).toFixed(1)} h; ${L.spacing} ${nm1(u.trackSpacingM)}; ${L.coverage} ${u.coverage.toFixed(2)}; ${metersPerSecondToKnots(u.searchSpeedMps).toFixed(0)} kt`,
    );
  });
  lines.push(`${L.pos} ${(plan.pos * 100).toFixed(1)} % (${L.bound} ${(plan.upperBoundPos * 100).toFixed(1)} %)`);
  lines.push('', L.parts[4], (info.channels ?? ['VHF CH 16', '2182 kHz', '121.5 MHz']).join('; '));
  lines.push('', L.parts[5], L.reportsText);
  return lines.join('\n') + '\n';
}

/** SAR SITREP, full form (parts A–N). */
export function sarSitrep(plan: PlanResult, lang: MessageLanguage, info: MessageInfo): string {
  const L = LABELS[lang];
  const P = L.sitrepParts;
  const lines = header(info, `${L.sitrep} ${info.sitrepNumber ?? 1}`);
  const areas = plan.units.filter((u) => u.area.length > 0);
  lines.push(
    '',
    `${P.A}: ${info.casualty ?? L.unknown}`,
    `${P.B}: ${info.datum !== undefined ? formatPosition(info.datum, lang) : L.unknown}`,
    `${P.C}: ${L.situationText(plan.units.length)}`,
    `${P.D}: ${info.personsAtRisk ?? L.unknown}`,
    `${P.E}: ${L.assistance}`,
    `${P.F}: ${info.smc ?? info.from}`,
    `${P.G}: ${info.casualty ?? L.unknown}`,
    `${P.H}: ${info.weather ?? L.unknown}`,
    `${P.J}: ${L.actions}`,
    `${P.K}:`,
  );
  areas.forEach((u, k) => {
    lines.push(
      `  ${String.fromCharCode(65 + k)} ${u.id} (${L.nation[u.nation]}): ${u.area
        .slice(0, -1)
        .map((p) => formatPosition(p, lang))
        .join(' / ')}`,
    );
  });
  if (areas.length === 0) lines.push(`  ${L.none}`);
  lines.push(
    `${P.L}: ${L.instructions}`,
    `${P.M}: ${L.future}`,
    `${P.N}: ${L.pos} ${(plan.pos * 100).toFixed(1)} % (${L.bound} ${(plan.upperBoundPos * 100).toFixed(1)} %)`,
  );
  return lines.join('\n') + '\n';
}
