/**
 * Survival clocks for persons at sea, by water temperature.
 *
 * In water: Hayward, Eckerson & Collis (1975), "Thermal balance and survival time prediction of man in cold
 * water", Can. J. Physiol. Pharmacol. 53:21–32. For an average adult in light clothing and a life jacket, holding
 * still, the predicted time to a core temperature of 30 °C is
 *
 *   t (min) = 15 + 7.2 / (0.0785 − 0.0034 · Tw),   Tw the water temperature in °C.
 *
 * The formula's denominator vanishes at 23.1 °C; it is used on [0, 20] °C (sea water below 0 °C is clamped to
 * 0 °C, above 20 °C to 20 °C, which is conservative: survival in warmer water is longer). Published check: the
 * predicted survival time of the average lightly clothed person in 10 °C water with a life jacket is "two and a
 * half to three hours" (Canadian Red Cross / Transport Canada guidance quoting Hayward et al.); the USCG
 * "expected time of survival" bands (4–10 °C: 1–3 h; 10–16 °C: 1–6 h; 16–21 °C: 2–40 h).
 *
 * Other exposures are training assumptions, labelled as such, not from the source: an immersion suit multiplies
 * the in-water time by 3 (Tikuisis 1997, Aviat. Space Environ. Med. 68:441–448, reports survival times several
 * times longer with insulated suits; the factor is a round planning figure); persons out of the water (in a life
 * raft, on an upturned hull, aboard a disabled vessel) get fixed planning clocks (72 h, 24 h, 120 h).
 */
import { minutesToSeconds, hoursToSeconds } from '../units/index.ts';
import type { Seconds } from '../units/index.ts';

/** Where a person waits for rescue. */
export type Exposure = 'in-water' | 'in-raft' | 'on-hull' | 'aboard';
/** Survival equipment worn by a person in the water. */
export type PersonalEquipment = 'none' | 'life-jacket' | 'immersion-suit' | 'wetsuit';

export const SURVIVAL_MODEL_SOURCE =
  'Hayward, Eckerson & Collis (1975) Can. J. Physiol. Pharmacol. 53:21–32: t(min) = 15 + 7.2/(0.0785 − 0.0034 Tw)';

/** Lowest and highest water temperatures the in-water formula is applied at, °C. */
export const HAYWARD_MIN_TEMP_C = 0;
export const HAYWARD_MAX_TEMP_C = 20;

/** Predicted survival time in water (Hayward et al. 1975), life jacket and light clothing, seconds. */
export function haywardSurvivalTimeS(waterTempC: number): Seconds {
  const t = Math.min(Math.max(waterTempC, HAYWARD_MIN_TEMP_C), HAYWARD_MAX_TEMP_C);
  return minutesToSeconds(15 + 7.2 / (0.0785 - 0.0034 * t));
}

/**
 * Training multipliers of the in-water time by personal equipment (assumptions, see the module comment): no life
 * jacket halves it (swim failure and treading water), a wetsuit (divers) doubles it, an immersion suit triples it.
 */
export const EQUIPMENT_FACTOR: Readonly<Record<PersonalEquipment, number>> = {
  none: 0.5,
  'life-jacket': 1,
  wetsuit: 2,
  'immersion-suit': 3,
};

/** Fixed planning clocks for persons out of the water (training assumptions), seconds. */
export const OUT_OF_WATER_SURVIVAL_S: Readonly<Record<Exclude<Exposure, 'in-water'>, Seconds>> = {
  'in-raft': hoursToSeconds(72),
  'on-hull': hoursToSeconds(24),
  aboard: hoursToSeconds(120),
};

/** Survival time of a person with this exposure and equipment in water at `waterTempC`, seconds. */
export function survivalTimeS(exposure: Exposure, equipment: PersonalEquipment, waterTempC: number): Seconds {
  if (exposure !== 'in-water') return OUT_OF_WATER_SURVIVAL_S[exposure];
  return (haywardSurvivalTimeS(waterTempC) * EQUIPMENT_FACTOR[equipment]) as Seconds;
}
