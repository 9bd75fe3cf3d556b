/**
 * The printable after-action report (HSEEP AAR/IP structure) as one self-contained HTML page in one language:
 * headline figures, the map (land from the drill's coastline, plan areas, unit tracks, truth tracks, datum,
 * detections) as inline SVG, the timeline and containment-over-time plots as SVG, findings with HSEEP ratings and
 * observations, and the improvement plan. No script, no external resource; CJK text in Noto Sans CJK (Debian
 * fonts-noto-cjk), so Chromium prints it to PDF as it is (reports/html-to-pdf.ts).
 */
import { CAPABILITY_NAMES } from '@tandem/core';
import type { DrillLanguage, DrillText, LandMask, LonLat } from '@tandem/core';
import type { DrillReport } from './drill-service.ts';
import { MAP_COLORS } from './report-map.ts';
import type { MapFeature } from './report-map.ts';

const L = {
  title: {
    en: 'After-action report and improvement plan',
    ko: '사후 강평 보고서 및 개선 계획',
    ja: '事後評価報告書および改善計画',
  },
  scenario: { en: 'Scenario', ko: '시나리오', ja: 'シナリオ' },
  start: { en: 'Start (MAYDAY relay)', ko: '시작 (조난 통보 중계)', ja: '開始（遭難通報中継）' },
  label: { en: 'Releasability', ko: '공개 범위', ja: '公開範囲' },
  owner: { en: 'Owner nation', ko: '소유 국가', ja: '所有国' },
  figures: { en: 'Results', ko: '결과', ja: '結果' },
  detected: { en: 'Detected', ko: '탐지 여부', ja: '探知' },
  yes: { en: 'yes', ko: '예', ja: 'あり' },
  no: { en: 'no', ko: '아니오', ja: 'なし' },
  firstDetection: { en: 'Time to first detection', ko: '최초 탐지까지 시간', ja: '初探知までの時間' },
  firstOnScene: { en: 'First unit on scene', ko: '최초 세력 현장 도착', ja: '最初の部隊の現場到着' },
  pos: { en: 'POS achieved', ko: '달성 탐색 성공 확률(POS)', ja: '達成した捜索成功確率（POS）' },
  containment: { en: 'Mean containment', ko: '평균 포함률', ja: '平均包含率' },
  survivors: { en: 'Survivors recovered', ko: '구조된 생존자', ja: '救助された生存者' },
  messages: { en: 'Messages sent', ko: '발신 메시지', ja: '送信メッセージ' },
  plans: { en: 'Plans made', ko: '수립한 계획', ja: '作成した計画' },
  map: { en: 'Map of the search', ko: '수색 지도', ja: '捜索図' },
  legendArea: {
    en: 'Planned search areas (latest solid)',
    ko: '계획 수색 구역 (최신은 실선)',
    ja: '計画捜索区域（最新は実線）',
  },
  legendKR: { en: 'Korean unit tracks', ko: '한국 세력 항적', ja: '韓国部隊の航跡' },
  legendJP: { en: 'Japanese unit tracks', ko: '일본 세력 항적', ja: '日本部隊の航跡' },
  legendTruth: {
    en: 'True drift of the casualty (hidden during the drill)',
    ko: '조난자의 실제 표류 (훈련 중 비공개)',
    ja: '遭難者の実際の漂流（訓練中は非公開）',
  },
  legendDatum: { en: 'Reported (MAYDAY) position', ko: '보고된 (조난) 위치', ja: '通報された（遭難）位置' },
  legendDetection: { en: 'Detections', ko: '탐지 지점', ja: '探知地点' },
  legendLand: { en: 'Land', ko: '육지', ja: '陸地' },
  timeline: { en: 'Timeline', ko: '경과', ja: '経過' },
  containmentPlot: {
    en: 'Containment of the truth in the planned areas over time',
    ko: '시간에 따른 계획 구역 내 실제 위치 포함률',
    ja: '計画区域内の真位置の包含率の推移',
  },
  hours: {
    en: 'hours from the MAYDAY relay',
    ko: '조난 통보 중계 후 경과 시간(시)',
    ja: '遭難通報中継からの経過時間（時間）',
  },
  findings: { en: 'Findings (HSEEP ratings)', ko: '평가 결과 (HSEEP 등급)', ja: '評価結果（HSEEP評定）' },
  capability: { en: 'Capability', ko: '역량', ja: '能力' },
  objective: { en: 'Objective', ko: '목표', ja: '目標' },
  rating: { en: 'Rating', ko: '등급', ja: '評定' },
  measured: { en: 'Measured', ko: '측정값', ja: '測定値' },
  observations: { en: 'Observations', ko: '관찰 사항', ja: '所見' },
  suggested: {
    en: 'suggested from the figures (no evaluator rating)',
    ko: '수치 기반 제안 (평가관 등급 없음)',
    ja: '数値からの提案（評価者の評定なし）',
  },
  strength: { en: 'Strength', ko: '강점', ja: '長所' },
  improve: { en: 'Area for improvement', ko: '개선 필요 사항', ja: '改善事項' },
  plan: { en: 'Improvement plan', ko: '개선 계획', ja: '改善計画' },
  action: { en: 'Corrective action', ko: '시정 조치', ja: '是正措置' },
  status: { en: 'Status', ko: '상태', ja: '状態' },
  open: { en: 'open', ko: '진행 중', ja: '未完了' },
  closed: { en: 'closed', ko: '종결', ja: '完了' },
  raisedIn: { en: 'Raised in', ko: '제기된 훈련', ja: '提起された訓練' },
  carried: { en: 'carried from the previous drill', ko: '이전 훈련에서 이월', ja: '前回の訓練から繰越し' },
  noPlan: { en: 'No corrective actions.', ko: '시정 조치 없음.', ja: '是正措置なし。' },
  time: { en: 'Time', ko: '시간', ja: '時刻' },
  event: { en: 'Event', ko: '사건', ja: '事象' },
  controllerOnly: { en: 'controller', ko: '통제관', ja: '統制官' },
  env: {
    en: 'Idealized training environment; not a forecast.',
    ko: '이상화된 훈련 환경이며 예보가 아님.',
    ja: '理想化された訓練環境であり、予報ではない。',
  },
} as const satisfies Record<string, DrillText>;

const LABELS: Readonly<Record<string, DrillText>> = {
  national: { en: 'national', ko: '자국 한정', ja: '自国限り' },
  bilateral: { en: 'bilateral', ko: '양국 공유', ja: '二国間共有' },
  public: { en: 'public', ko: '공개', ja: '公開' },
};

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function hms(s: number | null): string {
  if (s === null) return '—';
  const a = Math.max(0, Math.round(s));
  return `${Math.floor(a / 3600)}:${String(Math.floor((a % 3600) / 60)).padStart(2, '0')}`;
}

const pct = (f: number): string => `${(f * 100).toFixed(1)} %`;

/** Equirectangular projection of the bounds into a `w` × `h` box (x scaled by cos of the mid latitude). */
function projector(
  bounds: [[number, number], [number, number]],
  w: number,
  h: number,
): (p: LonLat) => [number, number] {
  const [[west, south], [east, north]] = bounds;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const sx = w / Math.max(1e-6, (east - west) * k);
  const sy = h / Math.max(1e-6, north - south);
  const s = Math.min(sx, sy);
  const ox = (w - (east - west) * k * s) / 2;
  const oy = (h - (north - south) * s) / 2;
  return (p) => [ox + (p[0] - west) * k * s, oy + (north - p[1]) * s];
}

function mapSvg(r: DrillReport, land: LandMask, lang: DrillLanguage): string {
  const W = 640;
  const H = 440;
  const [[west, south], [east, north]] = r.bounds;
  const P = projector(r.bounds, W, H);
  const parts: string[] = [];
  // Land sampled on a grid of the drill's coastline (cells drawn where the centre is land).
  const nx = 160;
  const ny = 110;
  const dx = (east - west) / nx;
  const dy = (north - south) / ny;
  for (let j = 0; j < ny; j++) {
    // Runs of land cells along the row, one rectangle each.
    let start = -1;
    for (let i = 0; i <= nx; i++) {
      const isLand = i < nx && land.isLand(west + (i + 0.5) * dx, south + (j + 0.5) * dy);
      if (isLand && start < 0) start = i;
      if (!isLand && start >= 0) {
        const [x0, y0] = P([west + start * dx, south + (j + 1) * dy]);
        const [x1, y1] = P([west + i * dx, south + j * dy]);
        parts.push(
          `<rect x="${x0.toFixed(1)}" y="${y0.toFixed(1)}" width="${(x1 - x0 + 0.3).toFixed(1)}" height="${(y1 - y0 + 0.3).toFixed(1)}" fill="#d9d2c0"/>`,
        );
        start = -1;
      }
    }
  }
  const path = (pts: readonly LonLat[]): string =>
    pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${P(p)[0].toFixed(1)},${P(p)[1].toFixed(1)}`).join(' ');
  const feature = (f: MapFeature): string => {
    const p = f.properties;
    const dash = p.dashed === true ? ' stroke-dasharray="6 4"' : '';
    if (f.geometry.type === 'Polygon')
      return `<path d="${path(f.geometry.coordinates[0] ?? [])} Z" fill="${p.color}" fill-opacity="${p.opacity ?? 0.2}" stroke="${p.color}" stroke-width="${p.width ?? 1}"${dash}/>`;
    if (f.geometry.type === 'LineString')
      return `<path d="${path(f.geometry.coordinates)}" fill="none" stroke="${p.color}" stroke-width="${p.width ?? 1.5}"${dash}/>`;
    const [x, y] = P(f.geometry.coordinates);
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${p.radius ?? 4}" fill="${p.color}" stroke="#fff" stroke-width="1"/>`;
  };
  for (const layer of ['area', 'unit-track', 'truth-track', 'datum', 'detection'] as const)
    for (const f of r.map.features) if (f.properties.layer === layer) parts.push(feature(f));
  // Graticule labels (degrees; positions as coordinates, no place names).
  const ticks = (a: number, b: number): number[] => {
    const step = b - a > 4 ? 1 : b - a > 1.5 ? 0.5 : b - a > 0.6 ? 0.2 : 0.1;
    const out: number[] = [];
    for (let v = Math.ceil(a / step) * step; v <= b; v += step) out.push(Math.round(v * 10) / 10);
    return out;
  };
  for (const lon of ticks(west, east)) {
    const [x] = P([lon, south]);
    parts.push(`<line x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${H}" stroke="#999" stroke-width="0.3"/>`);
    parts.push(`<text x="${(x + 2).toFixed(1)}" y="${H - 4}" font-size="9" fill="#555">${lon.toFixed(1)}°E</text>`);
  }
  for (const lat of ticks(south, north)) {
    const [, y] = P([west, lat]);
    parts.push(`<line x1="0" y1="${y.toFixed(1)}" x2="${W}" y2="${y.toFixed(1)}" stroke="#999" stroke-width="0.3"/>`);
    parts.push(`<text x="3" y="${(y - 2).toFixed(1)}" font-size="9" fill="#555">${lat.toFixed(1)}°N</text>`);
  }
  const legend: [string, string, boolean][] = [
    [MAP_COLORS.area, L.legendArea[lang], false],
    [MAP_COLORS.KR, L.legendKR[lang], false],
    [MAP_COLORS.JP, L.legendJP[lang], false],
    [MAP_COLORS.truth, L.legendTruth[lang], true],
    [MAP_COLORS.datum, L.legendDatum[lang], false],
    ['#f39c12', L.legendDetection[lang], false],
    ['#d9d2c0', L.legendLand[lang], false],
  ];
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(L.map[lang])}"><rect width="${W}" height="${H}" fill="#eef4f8"/>${parts.join('')}</svg>
<ul class="legend">${legend.map(([c, t, d]) => `<li><span class="swatch" style="background:${c};${d ? 'border:1px dashed #111;background:none' : ''}"></span>${esc(t)}</li>`).join('')}</ul></figure>`;
}

function containmentSvg(r: DrillReport, lang: DrillLanguage): string {
  const W = 640;
  const H = 200;
  const m = { l: 40, r: 10, t: 10, b: 30 };
  const end = Math.max(1, r.drill.simS || r.summary.durationS);
  const X = (s: number): number => m.l + (s / end) * (W - m.l - m.r);
  const Y = (f: number): number => H - m.b - f * (H - m.t - m.b);
  const pts = r.summary.containment;
  const line = pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${X(p.atS).toFixed(1)},${Y(p.fraction).toFixed(1)}`).join(' ');
  const axes: string[] = [];
  for (const f of [0, 0.5, 1])
    axes.push(
      `<line x1="${m.l}" x2="${W - m.r}" y1="${Y(f)}" y2="${Y(f)}" stroke="#ccc"/><text x="4" y="${Y(f) + 3}" font-size="10">${f * 100}%</text>`,
    );
  for (let h = 0; h * 3600 <= end; h += end > 12 * 3600 ? 4 : 2)
    axes.push(`<text x="${X(h * 3600) - 3}" y="${H - m.b + 14}" font-size="10">${h}</text>`);
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(L.containmentPlot[lang])}">${axes.join('')}<path d="${line}" fill="none" stroke="${MAP_COLORS.area}" stroke-width="2"/>${pts.map((p) => `<circle cx="${X(p.atS).toFixed(1)}" cy="${Y(p.fraction).toFixed(1)}" r="2.5" fill="${MAP_COLORS.area}"/>`).join('')}<text x="${W / 2}" y="${H - 4}" font-size="10" text-anchor="middle">${esc(L.hours[lang])}</text></svg><figcaption>${esc(L.containmentPlot[lang])}</figcaption></figure>`;
}

/** Lane names of the timeline plot by event kind (core drill-session.ts), in the three languages. */
const EVENT_KINDS: Readonly<Record<string, DrillText>> = {
  'inject:mayday-relay': { en: 'MAYDAY relay', ko: '조난통신 중계', ja: '遭難通信中継' },
  'inject:sighting-report': { en: 'Sighting report', ko: '목격 보고', ja: '目撃報告' },
  'inject:weather-change': { en: 'Weather change', ko: '기상 변화', ja: '気象変化' },
  'inject:unit-breakdown': { en: 'Unit breakdown', ko: '세력 고장', ja: '部隊の故障' },
  'inject:second-casualty': { en: 'Second casualty', ko: '추가 조난', ja: '第二の事案' },
  'inject:srr-hand-over': { en: 'SMC hand-over', ko: 'SMC 인계', ja: 'SMC引継ぎ' },
  'inject:information': { en: 'Information', ko: '정보', ja: '情報' },
  'inject-released': { en: 'Inject released', ko: '상황 투입', ja: '状況付与' },
  tasking: { en: 'Tasking', ko: '임무 부여', ja: '任務付与' },
  'tasking-refused': { en: 'Tasking refused', ko: '임무 부여 불가', ja: '任務付与不可' },
  'tasking-out-of-reach': { en: 'Out of reach', ko: '도달 불가', ja: '到達不可' },
  plan: { en: 'Plan', ko: '계획', ja: '計画' },
  detection: { en: 'Detection', ko: '탐지', ja: '探知' },
  recovery: { en: 'Recovery', ko: '구조', ja: '救助' },
  'no-rescuer': { en: 'No rescuer', ko: '구조세력 없음', ja: '救助勢力なし' },
  'unit-at-base': { en: 'Unit at base', ko: '세력 귀환', ja: '部隊帰投' },
  'srr-hand-over': { en: 'SRR hand-over', ko: 'SRR 인계', ja: 'SRR引継ぎ' },
};

function timelineSvg(r: DrillReport, lang: DrillLanguage): string {
  const kinds = [...new Set(r.report.timeline.map((e) => e.kind))].slice(0, 14);
  const W = 640;
  const lane = 16;
  const m = { l: 150, r: 10, t: 6, b: 24 };
  const H = m.t + m.b + kinds.length * lane;
  const end = Math.max(1, r.drill.simS || r.summary.durationS);
  const X = (s: number): number => m.l + (Math.max(0, Math.min(end, s)) / end) * (W - m.l - m.r);
  const parts: string[] = [];
  kinds.forEach((k, j) => {
    const y = m.t + j * lane + lane / 2;
    parts.push(
      `<text x="${m.l - 6}" y="${y + 3}" font-size="9" text-anchor="end">${esc(EVENT_KINDS[k]?.[lang] ?? k)}</text>`,
    );
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${y}" y2="${y}" stroke="#eee"/>`);
    for (const e of r.report.timeline.filter((q) => q.kind === k))
      parts.push(
        `<circle cx="${X(e.atS).toFixed(1)}" cy="${y}" r="3" fill="${e.audience === 'players' ? MAP_COLORS.KR : '#888'}"/>`,
      );
  });
  for (let h = 0; h * 3600 <= end; h += end > 12 * 3600 ? 4 : 2)
    parts.push(`<text x="${X(h * 3600) - 3}" y="${H - 8}" font-size="10">${h}</text>`);
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(L.timeline[lang])}">${parts.join('')}</svg><figcaption>${esc(L.timeline[lang])} (${esc(L.hours[lang])})</figcaption></figure>`;
}

/** A finding's measured value in the unit of its objective's metric. */
function measured(r: DrillReport, objectiveId: string, v: number | null): string {
  if (v === null) return '—';
  const kind = r.drill.objectives.find((o) => o.id === objectiveId)?.metric.kind;
  if (kind === 'first-detection-within' || kind === 'first-on-scene-within') return hms(v);
  if (kind === 'messages-sent') return String(v);
  return pct(v);
}

/** The report page in `lang`. */
export function reportHtml(r: DrillReport, land: LandMask, lang: DrillLanguage): string {
  const s = r.summary;
  const t = (x: DrillText): string => esc(x[lang]);
  const fig = (k: keyof typeof L, v: string): string => `<tr><th>${esc(L[k][lang])}</th><td>${esc(v)}</td></tr>`;
  const findings = r.report.findings
    .map(
      (f) =>
        `<tr><td>${t(f.capabilityName)}</td><td>${t(f.objective)}</td><td><b>${f.rating}</b> ${t(f.ratingLabel)}${
          f.suggested ? `<br><small>${esc(L.suggested[lang])}</small>` : ''
        }</td><td>${esc(measured(r, f.objectiveId, f.measured))}</td><td>${f.observations
          .map(
            (o) => `<div><i>${esc((o.kind === 'strength' ? L.strength : L.improve)[lang])}:</i> ${esc(o.text)}</div>`,
          )
          .join('')}</td></tr>`,
    )
    .join('');
  const actions = r.report.improvementPlan.actions;
  const plan =
    actions.length === 0
      ? `<p>${esc(L.noPlan[lang])}</p>`
      : `<table><thead><tr><th>${esc(L.action[lang])}</th><th>${esc(L.capability[lang])}</th><th>${esc(L.status[lang])}</th><th>${esc(L.raisedIn[lang])}</th></tr></thead><tbody>${actions
          .map(
            (a) =>
              `<tr><td>${t(a.text)}</td><td>${t(CAPABILITY_NAMES[a.capability])}</td><td>${esc((a.status === 'open' ? L.open : L.closed)[lang])}${
                a.closureNote !== undefined ? `<br><small>${esc(a.closureNote)}</small>` : ''
              }</td><td>${a.raisedIn === r.drill.id ? '—' : esc(L.carried[lang])}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const events = r.report.timeline
    .map(
      (e) =>
        `<tr><td>${hms(e.atS)}</td><td>${t(e.text)}${e.audience === 'controller' ? ` <small>(${esc(L.controllerOnly[lang])})</small>` : ''}</td></tr>`,
    )
    .join('');
  const font =
    lang === 'ja'
      ? "'Noto Sans CJK JP', 'Noto Sans JP', 'Noto Sans CJK KR', sans-serif"
      : "'Noto Sans CJK KR', 'Noto Sans KR', 'Noto Sans CJK JP', sans-serif";
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(L.title[lang])} — ${esc(r.drill.title)}</title>
<style>
body { font-family: ${font}; font-size: 11px; color: #111; margin: 18px; }
h1 { font-size: 18px; margin: 0 0 4px; } h2 { font-size: 14px; margin: 16px 0 6px; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ddd; padding: 3px 5px; text-align: left; vertical-align: top; }
.meta th { width: 30%; background: #f6f6f6; } figure { margin: 6px 0; break-inside: avoid; } figcaption { font-size: 10px; color: #444; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 10px; }
.swatch { display: inline-block; width: 14px; height: 8px; margin-right: 4px; vertical-align: middle; }
.label { float: right; border: 1px solid #111; padding: 2px 6px; font-weight: bold; text-transform: uppercase; }
</style></head><body>
<div class="label">${esc(LABELS[r.releasability]?.[lang] ?? r.releasability)}</div>
<h1>${esc(L.title[lang])}</h1>
<p><b>${esc(r.drill.title)}</b></p>
<table class="meta">
<tr><th>${esc(L.scenario[lang])}</th><td>${t(r.drill.name)}</td></tr>
<tr><th>${esc(L.start[lang])}</th><td>${esc(r.drill.startUtc)}</td></tr>
<tr><th>${esc(L.owner[lang])} / ${esc(L.label[lang])}</th><td>${esc(r.drill.ownerNation)} / ${esc(LABELS[r.releasability]?.[lang] ?? r.releasability)}</td></tr>
</table>
<p><small>${esc(L.env[lang])}</small></p>
<h2>${esc(L.figures[lang])}</h2>
<table class="meta">
${fig('detected', s.detected ? L.yes[lang] : L.no[lang])}
${fig('firstDetection', hms(s.timeToFirstDetectionS))}
${fig('firstOnScene', hms(s.timeToFirstUnitOnSceneS))}
${fig('pos', pct(s.posAchieved))}
${fig('containment', pct(s.meanContainment))}
${fig('survivors', `${s.survivorsRecovered} / ${s.survivorsTotal}`)}
${fig('messages', String(s.messagesSent))}
${fig('plans', String(s.plansMade))}
</table>
<h2>${esc(L.map[lang])}</h2>
${mapSvg(r, land, lang)}
<h2>${esc(L.containmentPlot[lang])}</h2>
${containmentSvg(r, lang)}
<h2>${esc(L.timeline[lang])}</h2>
${timelineSvg(r, lang)}
<table><thead><tr><th>${esc(L.time[lang])}</th><th>${esc(L.event[lang])}</th></tr></thead><tbody>${events}</tbody></table>
<h2>${esc(L.findings[lang])}</h2>
<table><thead><tr><th>${esc(L.capability[lang])}</th><th>${esc(L.objective[lang])}</th><th>${esc(L.rating[lang])}</th><th>${esc(L.measured[lang])}</th><th>${esc(L.observations[lang])}</th></tr></thead><tbody>${findings}</tbody></table>
<h2>${esc(L.plan[lang])}</h2>
${plan}
</body></html>`;
}

/** Known strings of the report per language (tests look for them in the PDF text). */
export const REPORT_HEADINGS: Readonly<Record<DrillLanguage, string>> = {
  en: L.title.en,
  ko: L.title.ko,
  ja: L.title.ja,
};
