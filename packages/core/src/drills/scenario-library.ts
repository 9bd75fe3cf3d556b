/**
 * The scenario library: maritime accident templates for combined ROK–Japan SAR drills (issue 7). Environments are
 * idealized and labelled as such; Leeway categories come from `data/leeway` (Allen & Plourde 1999 via OpenDrift's
 * table), sweep-width objects from the IAMSAR-derived tables in core/search, unit types from the search-unit
 * catalogue of both nations.
 */
import { TandemError } from '../errors/index.ts';
import { hoursToSeconds, minutesToSeconds } from '../units/index.ts';
import { text } from './localized-text.ts';
import type {
  DrillTemplate,
  EnvironmentTemplate,
  InjectTemplate,
  Objective,
  ObjectTemplate,
  UnitTemplate,
} from './drill-template.ts';

const h = hoursToSeconds;
const min = minutesToSeconds;

const WINTER_MONSOON: EnvironmentTemplate = {
  label: text(
    'Idealized winter monsoon: NW wind 12 m/s, sea 2.5 m, water 12 °C',
    '이상화된 겨울 계절풍: 북서풍 12 m/s, 파고 2.5 m, 수온 12 °C',
    '理想化した冬季季節風: 北西風 12 m/s、波高 2.5 m、水温 12 °C',
  ),
  windSpeedMps: 12,
  windFromDeg: 315,
  currentSpeedMps: 0.4,
  currentToDeg: 45,
  waterTempC: 12,
  visibilityM: 18520,
  seaHeightM: 2.5,
  night: false,
};

const SUMMER_CALM: EnvironmentTemplate = {
  label: text(
    'Idealized summer: S wind 5 m/s, sea 0.5 m, water 22 °C',
    '이상화된 여름: 남풍 5 m/s, 파고 0.5 m, 수온 22 °C',
    '理想化した夏季: 南風 5 m/s、波高 0.5 m、水温 22 °C',
  ),
  windSpeedMps: 5,
  windFromDeg: 180,
  currentSpeedMps: 0.5,
  currentToDeg: 40,
  waterTempC: 22,
  visibilityM: 18520,
  seaHeightM: 0.5,
  night: false,
};

const SPRING_FOG: EnvironmentTemplate = {
  label: text(
    'Idealized spring: SW wind 8 m/s, fog patches (visibility 2 NM), water 14 °C',
    '이상화된 봄: 남서풍 8 m/s, 안개 (시정 2 NM), 수온 14 °C',
    '理想化した春季: 南西風 8 m/s、霧（視程 2 NM）、水温 14 °C',
  ),
  windSpeedMps: 8,
  windFromDeg: 225,
  currentSpeedMps: 0.5,
  currentToDeg: 50,
  waterTempC: 14,
  visibilityM: 3704,
  seaHeightM: 1.5,
  night: false,
};

const AUTUMN_NIGHT: EnvironmentTemplate = {
  label: text(
    'Idealized autumn night: N wind 9 m/s, sea 1.5 m, water 17 °C',
    '이상화된 가을 야간: 북풍 9 m/s, 파고 1.5 m, 수온 17 °C',
    '理想化した秋の夜間: 北風 9 m/s、波高 1.5 m、水温 17 °C',
  ),
  windSpeedMps: 9,
  windFromDeg: 0,
  currentSpeedMps: 0.4,
  currentToDeg: 45,
  waterTempC: 17,
  visibilityM: 9260,
  seaHeightM: 1.5,
  night: true,
};

const COLD_WINTER: EnvironmentTemplate = {
  label: text(
    'Idealized cold winter: NW wind 14 m/s, sea 3 m, water 8 °C',
    '이상화된 한겨울: 북서풍 14 m/s, 파고 3 m, 수온 8 °C',
    '理想化した厳冬期: 北西風 14 m/s、波高 3 m、水温 8 °C',
  ),
  windSpeedMps: 14,
  windFromDeg: 300,
  currentSpeedMps: 0.3,
  currentToDeg: 30,
  waterTempC: 8,
  visibilityM: 9260,
  seaHeightM: 3,
  night: false,
};

function piw(
  id: string,
  count: number,
  equipment: 'none' | 'life-jacket' | 'immersion-suit' | 'wetsuit',
  cat = 'PIW-1',
): ObjectTemplate {
  return {
    id,
    description: text(`Person(s) in the water (${count})`, `해상 표류자 (${count}명)`, `漂流者（${count}名）`),
    leewayCategory: cat,
    sweepWidthObject: 'Person in Water',
    persons: [{ count, exposure: 'in-water', equipment }],
    equipment: equipment === 'none' ? [] : [equipment],
    nightSweepWidthFactor: equipment === 'life-jacket' || equipment === 'immersion-suit' ? 0.5 : 0.1,
  };
}

function raft(id: string, persons: number, releaseAfterS: number, offsetM: readonly [number, number]): ObjectTemplate {
  const size = persons <= 4 ? 4 : persons <= 6 ? 6 : persons <= 10 ? 10 : persons <= 15 ? 15 : persons <= 20 ? 20 : 25;
  return {
    id,
    description: text(
      `${size}-person life raft, ${persons} aboard`,
      `${size}인승 구명뗏목, ${persons}명 탑승`,
      `${size}人乗り救命いかだ、${persons}名乗船`,
    ),
    leewayCategory: 'LIFE-RAFT-DB-11',
    sweepWidthObject: `Raft ${size} person`,
    persons: [{ count: persons, exposure: 'in-raft', equipment: 'life-jacket' }],
    equipment: ['SART', 'EPIRB', 'flares', 'raft light'],
    nightSweepWidthFactor: 0.5,
    releaseAfterS,
    offsetM,
  };
}

function objectives(detectWithinS: number, survivorsFraction: number): Objective[] {
  return [
    {
      id: 'obj-plan',
      capability: 'search-planning',
      text: text(
        'Plan a search whose areas contain the survivors at least half of the time',
        '생존자를 절반 이상의 시간 동안 포함하는 수색구역을 계획한다',
        '生存者を半分以上の時間含む捜索区域を計画する',
      ),
      metric: { kind: 'mean-containment', fraction: 0.5 },
    },
    {
      id: 'obj-detect',
      capability: 'search-and-detection',
      text: text(
        `Detect the first search object within ${(detectWithinS / 3600).toFixed(0)} h of the MAYDAY relay`,
        `조난통신 중계 후 ${(detectWithinS / 3600).toFixed(0)}시간 이내에 첫 수색목표를 탐지한다`,
        `遭難通信の中継から${(detectWithinS / 3600).toFixed(0)}時間以内に最初の捜索目標を探知する`,
      ),
      metric: { kind: 'first-detection-within', seconds: detectWithinS },
    },
    {
      id: 'obj-rescue',
      capability: 'rescue',
      text: text(
        `Recover at least ${(survivorsFraction * 100).toFixed(0)} % of persons alive within their survival time`,
        `생존 가능 시간 내에 ${(survivorsFraction * 100).toFixed(0)} % 이상을 생존 구조한다`,
        `生存可能時間内に${(survivorsFraction * 100).toFixed(0)} %以上を生存救助する`,
      ),
      metric: { kind: 'survivors-recovered-fraction', fraction: survivorsFraction },
    },
    {
      id: 'obj-onscene',
      capability: 'operational-coordination',
      text: text(
        'Put the first unit of either nation on scene within 3 h',
        '3시간 이내에 양국 중 첫 구조세력을 현장에 투입한다',
        '3時間以内に両国いずれかの最初の救助勢力を現場に到着させる',
      ),
      metric: { kind: 'first-on-scene-within', seconds: h(3) },
    },
    {
      id: 'obj-comms',
      capability: 'communications',
      text: text(
        'Exchange SITREPs and search action messages between the two RCCs (at least 3)',
        '양국 구조조정본부 간 상황보고 및 수색실행 메시지를 3회 이상 교환한다',
        '両国RCC間で状況報告と捜索実施通報を3回以上交換する',
      ),
      metric: { kind: 'messages-sent', count: 3 },
    },
  ];
}

const MIXED_UNITS: readonly UnitTemplate[] = [
  { type: 'kr-kcg-3000t' },
  { type: 'jp-jcg-pm' },
  { type: 'kr-navy-p3ck' },
  { type: 'jp-jcg-falcon2000' },
  { type: 'kr-kcg-aw189' },
  { type: 'jp-jcg-aw139' },
];

function standardInjects(objectId: string, extra: readonly InjectTemplate[] = []): InjectTemplate[] {
  return [
    { id: 'sighting-1', kind: 'sighting-report', atS: h(3), objectId, errorM: 3000 },
    {
      id: 'weather-1',
      kind: 'weather-change',
      atS: h(6),
      windSpeedMps: 15,
      windVeerDeg: 30,
      visibilityM: 9260,
      seaHeightM: 3,
    },
    { id: 'breakdown-1', kind: 'unit-breakdown', atS: h(4), unitIndex: 1 },
    {
      id: 'contingency-sighting',
      kind: 'sighting-report',
      atS: h(9),
      held: true,
      objectId,
      errorM: 1500,
    },
    {
      id: 'contingency-info',
      kind: 'information',
      atS: h(2),
      held: true,
      text: text(
        'A merchant ship reports debris and an oil slick on its route.',
        '상선이 항로상에서 부유물과 유막을 발견했다고 보고함.',
        '商船が航路上で漂流物と油膜を発見したと報告。',
      ),
    },
    {
      id: 'contingency-second-casualty',
      kind: 'second-casualty',
      atS: h(5),
      held: true,
      distanceM: 2000,
      object: piw('rescuer-overboard', 1, 'life-jacket', 'PIW-2'),
    },
    ...extra,
  ];
}

export const DRILL_TEMPLATES: readonly DrillTemplate[] = [
  {
    id: 'person-overboard',
    family: 'person-in-water',
    name: text('Person overboard from a ferry', '여객선 승객 해중 추락', 'フェリーからの落水者'),
    description: text(
      'A passenger falls overboard from a Busan–Fukuoka ferry; the crew reports it 40 minutes later.',
      '부산–후쿠오카 여객선에서 승객이 바다에 떨어졌고, 승무원이 40분 뒤 신고했다.',
      '釜山–福岡航路のフェリーから乗客が落水し、乗組員が40分後に通報した。',
    ),
    difficulty: 'intermediate',
    seaAreas: ['korea-strait'],
    environment: SPRING_FOG,
    objects: [piw('piw', 1, 'life-jacket')],
    reportedPositionErrorM: 4000,
    reportDelayS: min(40),
    durationS: h(12),
    units: MIXED_UNITS,
    injects: standardInjects('piw'),
    objectives: objectives(h(4), 1),
    sensor: 'inverse-cube',
  },
  {
    id: 'life-rafts-abandonment',
    family: 'life-raft',
    name: text('Life rafts after abandoning ship', '퇴선 후 구명뗏목 표류', '退船後の救命いかだ漂流'),
    description: text(
      'A general cargo ship is abandoned in heavy weather; two rafts are launched.',
      '일반화물선이 황천 속에 퇴선하여 구명뗏목 2척이 진수되었다.',
      '一般貨物船が荒天下で退船し、救命いかだ2隻が降下された。',
    ),
    difficulty: 'basic',
    seaAreas: ['east-sea-sea-of-japan'],
    environment: WINTER_MONSOON,
    objects: [raft('raft-1', 8, 0, [0, 0]), raft('raft-2', 7, min(10), [600, -400])],
    reportedPositionErrorM: 1852,
    reportDelayS: min(30),
    durationS: h(18),
    units: MIXED_UNITS,
    injects: standardInjects('raft-1'),
    objectives: objectives(h(6), 0.9),
    sensor: 'inverse-cube',
  },
  {
    id: 'fishing-vessel-capsized-korean',
    family: 'fishing-vessel',
    name: text('Capsized Korean fishing vessel', '한국 어선 전복', '韓国漁船の転覆'),
    description: text(
      'A Korean fishing vessel capsizes in the northern East China Sea; crew cling to the hull.',
      '동중국해 북부에서 한국 어선이 전복되어 선원들이 선체에 매달려 있다.',
      '東シナ海北部で韓国漁船が転覆し、乗組員が船体につかまっている。',
    ),
    difficulty: 'intermediate',
    seaAreas: ['jeju-east-china-sea'],
    environment: COLD_WINTER,
    objects: [
      {
        id: 'hull',
        description: text(
          'Capsized Korean fishing vessel (hull)',
          '전복된 한국 어선 (선체)',
          '転覆した韓国漁船（船体）',
        ),
        leewayCategory: 'FISHING-VESSEL-5',
        sweepWidthObject: 'Power Boat 53ft',
        persons: [{ count: 6, exposure: 'on-hull', equipment: 'life-jacket' }],
        equipment: ['EPIRB'],
        nightSweepWidthFactor: 0.3,
      },
      piw('piw', 2, 'life-jacket'),
    ],
    reportedPositionErrorM: 5556,
    reportDelayS: h(1),
    durationS: h(18),
    units: [
      { type: 'kr-kcg-3000t' },
      { type: 'jp-jcg-plh' },
      { type: 'kr-kcg-cn235' },
      { type: 'jp-jmsdf-p3c' },
      { type: 'kr-kcg-aw189' },
    ],
    injects: standardInjects('hull'),
    objectives: objectives(h(6), 0.75),
    sensor: 'inverse-cube',
  },
  {
    id: 'fishing-vessel-swamped-japanese',
    family: 'fishing-vessel',
    name: text('Swamped Japanese longliner', '일본 연승어선 침수', '日本のはえ縄漁船の浸水'),
    description: text(
      'A Japanese longliner is swamped and drifting low in the water; its crew stay aboard.',
      '일본 연승어선이 침수되어 낮게 떠서 표류 중이며, 선원들은 선내에 있다.',
      '日本のはえ縄漁船が浸水し低い乾舷で漂流中、乗組員は船内に留まっている。',
    ),
    difficulty: 'basic',
    seaAreas: ['east-sea-sea-of-japan'],
    environment: WINTER_MONSOON,
    objects: [
      {
        id: 'longliner',
        description: text('Swamped Japanese longliner', '침수된 일본 연승어선', '浸水した日本のはえ縄漁船'),
        leewayCategory: 'FISHING-VESSEL-4',
        sweepWidthObject: 'Power Boat 53ft',
        persons: [{ count: 9, exposure: 'aboard', equipment: 'life-jacket' }],
        equipment: ['EPIRB', 'VHF', 'flares'],
        nightSweepWidthFactor: 1,
      },
    ],
    reportedPositionErrorM: 3704,
    reportDelayS: min(20),
    durationS: h(12),
    units: MIXED_UNITS,
    injects: standardInjects('longliner'),
    objectives: objectives(h(4), 1),
    sensor: 'inverse-cube',
  },
  {
    id: 'ferry-fire-mass-rescue',
    family: 'mass-rescue',
    name: text(
      'Passenger ferry fire and abandonment (mass rescue)',
      '여객선 화재 및 퇴선 (대규모 구조)',
      '旅客フェリー火災と退船（大規模救助）',
    ),
    description: text(
      'Fire on an international ferry in the Korea Strait / Tsushima Strait; 120 passengers and crew abandon ship in rafts and the water.',
      '대한해협 / 쓰시마 해협의 국제여객선 화재로 승객·승무원 120명이 구명뗏목과 해상으로 퇴선했다.',
      '朝鮮海峡 / 対馬海峡の国際フェリーで火災、乗客・乗員120名が救命いかだと海上へ退船した。',
    ),
    difficulty: 'advanced',
    seaAreas: ['korea-strait'],
    environment: SPRING_FOG,
    objects: [
      raft('raft-a', 25, 0, [0, 0]),
      raft('raft-b', 25, min(5), [400, 300]),
      raft('raft-c', 25, min(10), [-300, 500]),
      raft('raft-d', 25, min(15), [700, -200]),
      piw('piw-group', 20, 'life-jacket'),
    ],
    reportedPositionErrorM: 926,
    reportDelayS: min(15),
    durationS: h(12),
    units: [...MIXED_UNITS, { type: 'kr-navy-kdx1' }, { type: 'jp-jmsdf-destroyer' }, { type: 'jp-jmsdf-sh60k' }],
    injects: standardInjects('piw-group', [
      {
        id: 'second-casualty',
        kind: 'second-casualty',
        atS: h(2),
        distanceM: 3000,
        object: piw('missing-crew', 2, 'immersion-suit', 'PIW-4'),
      },
    ]),
    objectives: objectives(h(2), 0.8),
    sensor: 'inverse-cube',
  },
  {
    id: 'aircraft-ditching-mpa',
    family: 'aircraft-ditching',
    name: text('Maritime patrol aircraft ditching', '해상초계기 불시착수', '哨戒機の着水'),
    description: text(
      'A maritime patrol aircraft ditches after a double engine failure; the crew board an aviation raft.',
      '해상초계기가 엔진 2기 고장으로 불시착수하여 승무원들이 항공용 구명뗏목에 탑승했다.',
      '哨戒機が双発停止で着水し、乗員が航空用救命いかだに乗り移った。',
    ),
    difficulty: 'intermediate',
    seaAreas: ['east-sea-sea-of-japan'],
    environment: COLD_WINTER,
    objects: [
      {
        id: 'aviation-raft',
        description: text('Aviation life raft, 10 aboard', '항공용 구명뗏목, 10명 탑승', '航空用救命いかだ、10名'),
        leewayCategory: 'AVIATION-1',
        sweepWidthObject: 'Raft 10 person',
        persons: [{ count: 10, exposure: 'in-raft', equipment: 'immersion-suit' }],
        equipment: ['PLB', 'flares', 'raft light'],
        nightSweepWidthFactor: 0.5,
      },
      piw('crew-in-water', 2, 'immersion-suit', 'PIW-4'),
    ],
    reportedPositionErrorM: 1852,
    reportDelayS: min(10),
    durationS: h(12),
    units: MIXED_UNITS,
    injects: standardInjects('aviation-raft'),
    objectives: objectives(h(3), 1),
    sensor: 'inverse-cube',
  },
  {
    id: 'aircraft-ditching-helicopter',
    family: 'aircraft-ditching',
    name: text('Helicopter ditching', '헬리콥터 불시착수', 'ヘリコプターの着水'),
    description: text(
      'A shipborne helicopter ditches at dusk; four crew in immersion suits, one raft.',
      '함재 헬리콥터가 해질녘 불시착수했다. 승무원 4명 (침수복 착용), 구명뗏목 1척.',
      '艦載ヘリコプターが夕刻に着水。乗員4名（イマーションスーツ着用）、救命いかだ1隻。',
    ),
    difficulty: 'advanced',
    seaAreas: ['korea-strait', 'east-sea-sea-of-japan'],
    environment: AUTUMN_NIGHT,
    objects: [raft('heli-raft', 2, min(5), [0, 0]), piw('heli-crew', 2, 'immersion-suit', 'PIW-4')],
    reportedPositionErrorM: 3704,
    reportDelayS: min(20),
    durationS: h(12),
    units: MIXED_UNITS,
    injects: standardInjects('heli-crew'),
    objectives: objectives(h(3), 1),
    sensor: 'inverse-cube',
  },
  {
    id: 'disabled-vessel-adrift',
    family: 'disabled-vessel',
    name: text('Disabled coastal freighter adrift', '기관 고장 연안화물선 표류', '機関故障の内航貨物船漂流'),
    description: text(
      'A coastal freighter loses propulsion and communications; last position is a 6-hour-old AIS report.',
      '연안화물선이 추진력과 통신을 상실했다. 최종 위치는 6시간 전 AIS 보고다.',
      '内航貨物船が推進力と通信を喪失。最終位置は6時間前のAIS報告。',
    ),
    difficulty: 'basic',
    seaAreas: ['east-sea-sea-of-japan', 'korea-strait'],
    environment: WINTER_MONSOON,
    objects: [
      {
        id: 'freighter',
        description: text('Disabled coastal freighter', '표류 중인 연안화물선', '漂流中の内航貨物船'),
        leewayCategory: 'COASTAL-FREIGHTER',
        sweepWidthObject: 'Ship 225ft',
        persons: [{ count: 12, exposure: 'aboard', equipment: 'life-jacket' }],
        equipment: ['AIS (off)', 'deck lights'],
        nightSweepWidthFactor: 1,
      },
    ],
    reportedPositionErrorM: 9260,
    reportDelayS: h(6),
    durationS: h(24),
    units: MIXED_UNITS,
    injects: standardInjects('freighter'),
    objectives: objectives(h(6), 1),
    sensor: 'inverse-cube',
  },
  {
    id: 'sinking-cargo-ship-rafts',
    family: 'life-raft',
    name: text('Sinking cargo ship with rafts', '침몰 화물선과 구명뗏목', '沈没貨物船と救命いかだ'),
    description: text(
      'A bulk carrier takes on water and sinks fast; three rafts and some crew in the water.',
      '벌크선이 침수되어 급속히 침몰했다. 구명뗏목 3척과 일부 선원이 해상에 있다.',
      'ばら積み船が浸水し急速に沈没。救命いかだ3隻と一部乗組員が海上にいる。',
    ),
    difficulty: 'advanced',
    seaAreas: ['jeju-east-china-sea', 'east-sea-sea-of-japan'],
    environment: COLD_WINTER,
    objects: [
      raft('raft-1', 8, 0, [0, 0]),
      raft('raft-2', 6, min(5), [500, 200]),
      raft('raft-3', 4, min(8), [-400, 600]),
      piw('crew-in-water', 3, 'life-jacket'),
    ],
    reportedPositionErrorM: 3704,
    reportDelayS: min(45),
    durationS: h(18),
    units: [...MIXED_UNITS, { type: 'kr-navy-kdx1' }, { type: 'jp-jmsdf-p1' }],
    injects: standardInjects('crew-in-water'),
    objectives: objectives(h(3), 0.8),
    sensor: 'inverse-cube',
  },
  {
    id: 'missing-diver',
    family: 'person-in-water',
    name: text('Missing diver', '실종 다이버', '行方不明ダイバー'),
    description: text(
      'A diver fails to surface near the dive boat off an island; wetsuit, no light.',
      '섬 인근 다이빙 보트 근처에서 다이버가 수면으로 올라오지 않았다. 잠수복 착용, 조명 없음.',
      '島沖のダイビングボート付近でダイバーが浮上しない。ウェットスーツ着用、ライトなし。',
    ),
    difficulty: 'intermediate',
    seaAreas: ['south-coast-archipelago'],
    environment: SUMMER_CALM,
    objects: [
      {
        id: 'diver',
        description: text('Diver in wetsuit', '잠수복 착용 다이버', 'ウェットスーツ着用のダイバー'),
        leewayCategory: 'PIW-5',
        sweepWidthObject: 'Person in Water',
        persons: [{ count: 1, exposure: 'in-water', equipment: 'wetsuit' }],
        equipment: ['wetsuit', 'surface marker buoy'],
        nightSweepWidthFactor: 0.1,
      },
    ],
    reportedPositionErrorM: 926,
    reportDelayS: min(30),
    durationS: h(10),
    units: [{ type: 'kr-kcg-small-patrol' }, { type: 'kr-kcg-aw189' }, { type: 'jp-jcg-pm' }, { type: 'kr-kcg-cn235' }],
    injects: standardInjects('diver'),
    objectives: objectives(h(2), 1),
    sensor: 'inverse-cube',
  },
  {
    id: 'collision-in-strait',
    family: 'collision',
    name: text(
      'Collision in the Korea Strait / Tsushima Strait',
      '대한해협 / 쓰시마 해협 선박 충돌',
      '朝鮮海峡 / 対馬海峡での衝突',
    ),
    description: text(
      'A container ship and a fishing vessel collide in the traffic lanes; the fishing vessel sinks.',
      '통항로에서 컨테이너선과 어선이 충돌하여 어선이 침몰했다.',
      '航路でコンテナ船と漁船が衝突し、漁船が沈没した。',
    ),
    difficulty: 'intermediate',
    seaAreas: ['korea-strait'],
    environment: SPRING_FOG,
    objects: [
      piw('fishers', 4, 'life-jacket'),
      {
        id: 'debris',
        description: text('Fishing vessel debris', '어선 잔해', '漁船の漂流物'),
        leewayCategory: 'FV-DEBRIS',
        sweepWidthObject: 'Power Boat ≤ 15ft',
        persons: [],
        equipment: [],
        nightSweepWidthFactor: 0.1,
      },
    ],
    reportedPositionErrorM: 926,
    reportDelayS: min(15),
    durationS: h(12),
    units: MIXED_UNITS,
    injects: standardInjects('fishers'),
    objectives: objectives(h(2), 0.75),
    sensor: 'inverse-cube',
  },
  {
    id: 'man-overboard-night',
    family: 'person-in-water',
    name: text('Man overboard at night', '야간 해중 추락자 수색', '夜間の落水者捜索'),
    description: text(
      'A crew member of a warship is missing at the morning muster; last seen at 0100.',
      '군함 승조원이 아침 점호에서 실종 확인되었다. 최종 목격은 01시.',
      '艦艇乗員が朝の点呼で不在。最後の目撃は01時。',
    ),
    difficulty: 'advanced',
    seaAreas: ['east-sea-sea-of-japan'],
    environment: AUTUMN_NIGHT,
    objects: [piw('mob', 1, 'life-jacket', 'PIW-2')],
    reportedPositionErrorM: 7408,
    reportDelayS: h(2),
    durationS: h(14),
    units: MIXED_UNITS,
    injects: standardInjects('mob'),
    objectives: objectives(h(6), 1),
    sensor: 'inverse-cube',
  },
];

/**
 * A template by id (case, spaces and underscores forgiven: "Person_Overboard" finds "person-overboard"); a
 * TandemError naming the field when unknown.
 */
export function findDrillTemplate(id: string, field = 'template'): DrillTemplate {
  const key = id
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const t = DRILL_TEMPLATES.find((d) => d.id === key);
  if (t === undefined) {
    throw new TandemError(
      'NOT_FOUND',
      `unknown drill template "${id}"; one of ${DRILL_TEMPLATES.map((d) => d.id).join(', ')}`,
      field,
    );
  }
  return t;
}
