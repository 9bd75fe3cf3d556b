/**
 * The `--auto` player: the optimiser plays the drill. On the MAYDAY relay and on every later inject it (re)builds
 * its probability map from what players know — the latest reported position and its error, drifted by the Leeway
 * model in the weather reported so far (its own seed stream, `DRILL_STREAMS.planning`), weighted by the Bayesian
 * update of the search already run (`1 - POD` per particle, Stone 1975) — and asks the core/search planner for one
 * rectangle and parallel sweep per available unit (mode "optimize", drift-compensated), then tasks the units, records
 * the plan's areas and sends a SITREP and a search action message. A second casualty gets an expanding square
 * from the nearest available ship or helicopter.
 */
import type { LandMask } from '../forcing/index.ts';
import type { LonLat } from '../geo/index.ts';
import { mixSeed } from '../random/index.ts';
import { expandingSquarePattern, findSearchUnitType, lambertAzimuthalEqualArea, planSearch } from '../search/index.ts';
import type { ParticleCloud, PlanDocument, PlaneProjection, UnitSpec } from '../search/index.ts';
import { epochSeconds } from '../units/index.ts';
import type { ObjectTemplate } from './drill-template.ts';
import { DRILL_STREAMS } from './drill-spec.ts';
import type { DeliveredInject, DrillSession } from './drill-session.ts';
import { unitSweepWidthM } from './drill-session.ts';
import { driftObject } from './hidden-truth.ts';
import { text } from './localized-text.ts';
import { tracksAt } from './plane-tracks.ts';
import type { PlaneTracks } from './plane-tracks.ts';

/** Seed of the planning drift for the k-th datum (0: the MAYDAY datum, shared with the reference map). */
export function planningSeed(drillSeed: number, k: number): number {
  return mixSeed(drillSeed, DRILL_STREAMS.planning + k);
}

export interface AutoPlayerOptions {
  readonly land: LandMask;
  /** Particles of the planning map. Default: the drill's `planningParticles`. */
  readonly particles?: number;
  /** Grid cells per side of the planning grid. Default 48. */
  readonly gridN?: number;
  /** The map is taken this long after the decision (units' time to get there), s. Default 3600. */
  readonly leadS?: number;
  /** A cloud already drifted from the MAYDAY datum with the same seed (the reference map), reused when given. */
  readonly initialCloud?: { readonly tracks: PlaneTracks; readonly index: number };
}

export interface AutoPlayer {
  /** React to delivered injects (and the start); re-plans when anything was delivered or a unit is back at base. */
  decide(delivered: readonly DeliveredInject[]): void;
}

interface Datum {
  readonly id: string;
  readonly position: LonLat;
  readonly errorM: number;
  readonly atS: number;
  readonly object: ObjectTemplate;
}

export function createAutoPlayer(session: DrillSession, opts: AutoPlayerOptions): AutoPlayer {
  const spec = session.spec;
  const proj: PlaneProjection = lambertAzimuthalEqualArea(spec.reportedPosition);
  const n = opts.particles ?? spec.planningParticles;
  const gridN = opts.gridN ?? 48;
  const leadS = opts.leadS ?? 3600;
  const mainObject = spec.objects[0] as ObjectTemplate;
  let datum: Datum | undefined;
  let cloud: { tracks: PlaneTracks; index: number; weatherVersion: number } | undefined;
  let prior = new Float64Array(0);
  let planCount = 0;
  let datumCount = 0;
  const knownChanges: { atS: number; windSpeedMps: number; windFromDeg: number }[] = [];
  let atBaseBefore = new Set(
    session
      .units()
      .filter((u) => u.route === undefined)
      .map((u) => u.unit.id),
  );

  const redrift = (d: Datum): void => {
    const sameParticles = cloud !== undefined && datum?.id === d.id;
    if (cloud !== undefined) {
      const miss = session.cloudMiss(cloud.index);
      if (sameParticles) for (let i = 0; i < prior.length; i++) prior[i] = (prior[i] as number) * (miss[i] as number);
      session.retireCloud(cloud.index);
    }
    if (!sameParticles) {
      prior = new Float64Array(n).fill(1);
      if (datum !== undefined) datumCount++;
    }
    const tracks = driftObject(
      spec,
      opts.land,
      d.object,
      d.position,
      d.atS,
      planningSeed(spec.seed, datumCount),
      n,
      d.errorM,
      knownChanges,
      proj,
    );
    cloud = { tracks, index: session.registerCloud(tracks, d.object), weatherVersion: session.weather().version };
    datum = d;
  };

  const cloudAt = (atS: number): { cloud: ParticleCloud; drift: { eastMps: number; northMps: number } } | undefined => {
    if (cloud === undefined) return undefined;
    const t = cloud.tracks;
    const x0 = new Float64Array(t.count);
    const y0 = new Float64Array(t.count);
    const x1 = new Float64Array(t.count);
    const y1 = new Float64Array(t.count);
    tracksAt(t, atS, x0, y0);
    tracksAt(t, atS + 3600, x1, y1);
    const miss = session.cloudMiss(cloud.index);
    const xs: number[] = [];
    const ys: number[] = [];
    const ws: number[] = [];
    let sx = 0;
    let sy = 0;
    let m = 0;
    for (let i = 0; i < t.count; i++) {
      const x = x0[i] as number;
      const y = y0[i] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const w = (prior[i] as number) * (miss[i] as number);
      xs.push(x);
      ys.push(y);
      ws.push(w);
      if (Number.isFinite(x1[i] as number)) {
        sx += (x1[i] as number) - x;
        sy += (y1[i] as number) - y;
        m++;
      }
    }
    const total = ws.reduce((a, b) => a + b, 0);
    if (xs.length < 10 || !(total > 0)) return undefined;
    return {
      cloud: {
        projection: proj,
        xM: Float64Array.from(xs),
        yM: Float64Array.from(ys),
        weight: Float64Array.from(ws, (w) => w / total),
      },
      drift: m > 0 ? { eastMps: sx / m / 3600, northMps: sy / m / 3600 } : { eastMps: 0, northMps: 0 },
    };
  };

  const plan = (reason: string): void => {
    const now = session.now();
    const at = cloudAt(now + leadS);
    if (at === undefined || datum === undefined) return;
    const weather = session.weather();
    const specs: UnitSpec[] = [];
    for (const u of session.units()) {
      const status = session.unitStatus(u.unit.id);
      if (status === 'broken' || status === 'recovering') continue;
      const type = findSearchUnitType(u.unit.type);
      if (type === undefined) continue;
      const W = unitSweepWidthM(u.unit, type, datum.object, weather, spec.environment.night);
      if (!(W > 0)) continue;
      const airborne = u.route !== undefined;
      const pos = airborne ? session.unitPosition(u.unit.id) : u.unit.base;
      const [px, py] = proj.forward(pos[0], pos[1]);
      const [bx, by] = u.baseXY;
      const left = airborne
        ? (u.sortieStartS ?? now) + type.enduranceS - now - Math.hypot(bx - px, by - py) / type.transitSpeedMps
        : type.enduranceS;
      if (!(left > 600)) continue;
      specs.push({
        id: u.unit.id,
        nation: u.unit.nation,
        type: u.unit.type,
        sweepWidthM: W,
        speedMps: undefined,
        transitSpeedMps: undefined,
        enduranceS: left,
        altitudeM: undefined,
        base: pos,
        pattern: undefined,
        fatigued: false,
      });
    }
    if (specs.length === 0) return;
    const doc: PlanDocument = {
      name: `${spec.id} plan ${planCount + 1}`,
      probability: { kind: 'driftRun', dir: '', atTimeS: epochSeconds(spec.startTimeS + now + leadS) },
      searchObject: undefined,
      visibilityM: weather.visibilityM,
      windSpeedMps: weather.windSpeedMps,
      seaHeightM: weather.seaHeightM,
      units: specs,
      sensor: spec.sensor,
      mode: 'optimize',
      startTimeS: epochSeconds(spec.startTimeS + now),
      gridNx: gridN,
      gridNy: gridN,
      driftCompensation: at.drift,
      seed: spec.seed,
      casualty: spec.name.en,
      personsAtRisk: undefined,
      coordinator: undefined,
      sitrepNumber: planCount + 1,
    };
    const result = planSearch(doc, at.cloud, at.drift);
    planCount++;
    const areas: { unitId: string; ring: LonLat[] }[] = [];
    for (const u of result.units) {
      if (u.waypoints.length === 0) continue;
      session.assign(u.id, u.waypoints, 'auto player');
      areas.push({ unitId: u.id, ring: [...u.area] });
    }
    if (areas.length === 0) {
      // The allocation found no rectangle (sweep widths as wide as the probability): expanding squares on the
      // weighted centroid, spacing S = W, legs out to 3 σ of the cloud, the second unit's square turned 45°.
      const c = at.cloud;
      let mx = 0;
      let my = 0;
      for (let i = 0; i < c.xM.length; i++) {
        mx += (c.weight[i] as number) * (c.xM[i] as number);
        my += (c.weight[i] as number) * (c.yM[i] as number);
      }
      let v = 0;
      for (let i = 0; i < c.xM.length; i++)
        v += (c.weight[i] as number) * (((c.xM[i] as number) - mx) ** 2 + ((c.yM[i] as number) - my) ** 2);
      const sigma = Math.sqrt(v / 2);
      const nearest = [...specs]
        .map((u) => {
          const [x, y] = proj.forward(u.base[0], u.base[1]);
          return { u, d: Math.hypot(x - mx, y - my) };
        })
        .sort((a, b) => a.d - b.d)
        .slice(0, 2);
      nearest.forEach(({ u }, k) => {
        const W = u.sweepWidthM as number;
        const legs = Math.max(4, Math.min(60, 2 * Math.ceil((3 * sigma) / W) + 2));
        const sq = expandingSquarePattern([mx, my], 45 * k, W, legs);
        const wps: LonLat[] = [];
        for (let i = 0; i < sq.waypoints.length; i += 2)
          wps.push(proj.inverse(sq.waypoints[i] as number, sq.waypoints[i + 1] as number));
        session.assign(u.id, wps, 'auto player');
        areas.push({
          unitId: u.id,
          ring: sq.areaRing
            .map(([x, y]) => proj.inverse(x, y))
            .concat([proj.inverse(...(sq.areaRing[0] as [number, number]))]),
        });
      });
    }
    session.recordPlan({ by: 'auto player', areas, plannedPos: result.pos });
    const smc = spec.srr === 'JP' ? 'JCG RCC' : 'KCG RCC';
    const other = spec.srr === 'JP' ? 'KCG RCC' : 'JCG RCC';
    session.sendMessage({
      from: smc,
      to: other,
      kind: 'SAR SITREP',
      text: `SAR SITREP ${planCount} (${reason}): planned POS ${(result.pos * 100).toFixed(0)} %`,
    });
    session.sendMessage({
      from: smc,
      to: 'all units',
      kind: 'search action message',
      text: `Search action plan ${planCount}: ${areas.length} areas`,
    });
  };

  const secondCasualty = (inj: DeliveredInject): void => {
    const p = inj.position;
    if (p === undefined) return;
    const [cx, cy] = proj.forward(p.lonDeg, p.latDeg);
    let best: { id: string; d: number; W: number } | undefined;
    const obj: ObjectTemplate = {
      id: inj.id,
      description: text('second casualty', '추가 조난', '第二の事案'),
      leewayCategory: inj.report?.leewayCategory ?? 'PIW-1',
      sweepWidthObject: inj.report?.sweepWidthObject ?? 'Person in Water',
      persons: [],
      equipment: [],
    };
    for (const u of session.units()) {
      const status = session.unitStatus(u.unit.id);
      if (status === 'broken' || status === 'recovering' || u.type.platform === 'aircraft') continue;
      const [x, y] = proj.forward(...session.unitPosition(u.unit.id));
      const W = unitSweepWidthM(u.unit, u.type, obj, session.weather(), spec.environment.night);
      const d = Math.hypot(cx - x, cy - y);
      if (W > 0 && (best === undefined || d < best.d)) best = { id: u.unit.id, d, W };
    }
    if (best === undefined) return;
    const legs = Math.max(4, Math.min(40, 2 * Math.ceil((2 * p.errorM) / best.W)));
    const sq = expandingSquarePattern([cx, cy], 0, best.W, legs);
    const wps: LonLat[] = [];
    for (let i = 0; i < sq.waypoints.length; i += 2)
      wps.push(proj.inverse(sq.waypoints[i] as number, sq.waypoints[i + 1] as number));
    session.assign(best.id, wps, 'auto player');
    session.sendMessage({
      from: spec.srr === 'JP' ? 'JCG RCC' : 'KCG RCC',
      to: best.id,
      kind: 'tasking',
      text: `Expanding square for ${inj.id}`,
    });
  };

  return {
    decide(delivered) {
      let replan = false;
      let reason = '';
      for (const inj of delivered) {
        if (inj.kind === 'weather-change' && inj.weather !== undefined) {
          knownChanges.push({
            atS: inj.atS,
            windSpeedMps: inj.weather.windSpeedMps,
            windFromDeg: inj.weather.windFromDeg,
          });
        }
        if (inj.kind === 'second-casualty') {
          secondCasualty(inj);
          continue;
        }
        if ((inj.kind === 'mayday-relay' || inj.kind === 'sighting-report') && inj.position !== undefined) {
          const object: ObjectTemplate =
            inj.kind === 'mayday-relay' && inj.report !== undefined
              ? {
                  ...mainObject,
                  leewayCategory: inj.report.leewayCategory,
                  sweepWidthObject: inj.report.sweepWidthObject,
                }
              : (datum?.object ?? mainObject);
          const d: Datum = {
            id: inj.id,
            position: [inj.position.lonDeg, inj.position.latDeg],
            errorM: inj.position.errorM,
            atS: inj.kind === 'mayday-relay' ? (inj.report?.casualtyAtS ?? inj.atS) : inj.atS,
            object,
          };
          if (
            inj.kind === 'mayday-relay' &&
            opts.initialCloud !== undefined &&
            datum === undefined &&
            knownChanges.length === 0
          ) {
            cloud = { tracks: opts.initialCloud.tracks, index: opts.initialCloud.index, weatherVersion: 0 };
            prior = new Float64Array(opts.initialCloud.tracks.count).fill(1);
            datum = d;
          } else redrift(d);
        } else if (inj.kind === 'weather-change' && datum !== undefined) {
          redrift(datum);
        }
        replan = true;
        reason = inj.kind;
      }
      const atBase = new Set(
        session
          .units()
          .filter((u) => u.route === undefined && !u.broken && u.availableAtS <= session.now())
          .map((u) => u.unit.id),
      );
      for (const id of atBase) {
        if (!atBaseBefore.has(id)) {
          replan = true;
          reason = reason || 'unit available';
        }
      }
      atBaseBefore = atBase;
      if (replan) {
        plan(reason);
        atBaseBefore = new Set(
          session
            .units()
            .filter((u) => u.route === undefined && !u.broken)
            .map((u) => u.unit.id),
        );
      }
    },
  };
}
