/**
 * Leeway for the manual (IAMSAR vector) drift method: leeway speed (kt) = a x U10 (kt) + b, and the divergence
 * angle either side of downwind that gives the left and right datums.
 * Source: Australian and New Zealand SAR manuals as transcribed by Canterbury Air Patrol,
 * `canterbury-air-patrol/marine-leeway-data` (PDDL-1.0); copy in `data/leeway-manual/leeway-manual.csv`
 * (checked value by value in `leeway-manual-table.test.ts`). Knots stay in this table (its published unit);
 * `manual-leeway.ts` converts at the edge.
 */
export interface ManualLeewayObject {
  readonly description: string;
  /** a: leeway speed in knots per knot of 10 m wind. */
  readonly rateKtPerKtWind: number;
  /** b: leeway speed offset in knots. */
  readonly offsetKt: number;
  /** Divergence angle either side of downwind, degrees. */
  readonly divergenceDeg: number;
}

export const MANUAL_LEEWAY_SOURCE =
  'Australian/NZ SAR manuals via canterbury-air-patrol/marine-leeway-data (PDDL-1.0); data/leeway-manual/leeway-manual.csv';

export const MANUAL_LEEWAY_TABLE: readonly ManualLeewayObject[] = [
  { description: 'PIW - Unknown', rateKtPerKtWind: 0.011, offsetKt: 0.07, divergenceDeg: 30 },
  { description: 'PIW - Vertical', rateKtPerKtWind: 0.005, offsetKt: 0.07, divergenceDeg: 18 },
  { description: 'PIW - Sitting', rateKtPerKtWind: 0.012, offsetKt: 0.0, divergenceDeg: 18 },
  { description: 'PIW - Horizontal - Survival Suit', rateKtPerKtWind: 0.014, offsetKt: 0.1, divergenceDeg: 30 },
  { description: 'PIW - Horizontal - Scuba Suit', rateKtPerKtWind: 0.007, offsetKt: 0.08, divergenceDeg: 30 },
  { description: 'PIW - Horizontal - Deceased', rateKtPerKtWind: 0.015, offsetKt: 0.08, divergenceDeg: 30 },
  {
    description: 'Survival Craft - Maritime Life Raft - No Ballast - Unknown',
    rateKtPerKtWind: 0.042,
    offsetKt: 0.03,
    divergenceDeg: 28,
  },
  {
    description: 'Survival Craft - Maritime Life Raft - No Ballast - no canopy, no drogue',
    rateKtPerKtWind: 0.057,
    offsetKt: 0.21,
    divergenceDeg: 24,
  },
  {
    description: 'Survival Craft - Maritime Life Raft - No Ballast - no canopy, w/drogue',
    rateKtPerKtWind: 0.044,
    offsetKt: -0.2,
    divergenceDeg: 28,
  },
  {
    description: 'Survival Craft - Maritime Life Raft - No Ballast - canopy, no drogue',
    rateKtPerKtWind: 0.037,
    offsetKt: 0.11,
    divergenceDeg: 24,
  },
  {
    description: 'Survival Craft - Maritime Life Raft - No Ballast - canopy, w/drogue',
    rateKtPerKtWind: 0.03,
    offsetKt: 0.0,
    divergenceDeg: 28,
  },
  {
    description: 'Survival Craft - Maritime Life Raft - Shallow Ballast and Canopy - Unknown',
    rateKtPerKtWind: 0.029,
    offsetKt: 0.0,
    divergenceDeg: 22,
  },
  {
    description: 'Survival Craft - Maritime Life Raft - Shallow Ballast and Canopy - no drogue',
    rateKtPerKtWind: 0.032,
    offsetKt: -0.02,
    divergenceDeg: 22,
  },
  {
    description: 'Survival Craft - Maritime Life Raft - Shallow Ballast and Canopy - w/drogue',
    rateKtPerKtWind: 0.025,
    offsetKt: 0.01,
    divergenceDeg: 22,
  },
  {
    description: 'Survival Craft - Maritime Life Raft - Shallow Ballast and Canopy - capsized',
    rateKtPerKtWind: 0.017,
    offsetKt: -0.1,
    divergenceDeg: 8,
  },
  {
    description: 'Survival Craft - Maritime Life Raft - Deep Ballast and Canopies',
    rateKtPerKtWind: 0.03,
    offsetKt: 0.02,
    divergenceDeg: 13,
  },
  {
    description: 'Survival Craft - Other Maritime Survival Craft - life capsule',
    rateKtPerKtWind: 0.038,
    offsetKt: -0.08,
    divergenceDeg: 22,
  },
  {
    description: 'Survival Craft - Other Maritime Survival Craft - USCG Sea Rescue Kit',
    rateKtPerKtWind: 0.025,
    offsetKt: -0.04,
    divergenceDeg: 7,
  },
  {
    description: 'Survival Craft - Aviation Life Rafts - no ballast, w/canopy Evac/Slide - 4-6 person no drogue',
    rateKtPerKtWind: 0.037,
    offsetKt: 0.11,
    divergenceDeg: 24,
  },
  {
    description: 'Survival Craft - Aviation Life Rafts - no ballast, w/canopy Evac/Slide - 46-person',
    rateKtPerKtWind: 0.028,
    offsetKt: -0.01,
    divergenceDeg: 15,
  },
  {
    description: 'Person Powered Craft - Sea Kayak - w/person on aft deck',
    rateKtPerKtWind: 0.011,
    offsetKt: 0.24,
    divergenceDeg: 15,
  },
  {
    description: 'Person Powered Craft - Surf Board - w/person',
    rateKtPerKtWind: 0.02,
    offsetKt: 0.0,
    divergenceDeg: 15,
  },
  {
    description: 'Person Powered Craft - Wind Surfer - w/person and mast/sail in water',
    rateKtPerKtWind: 0.023,
    offsetKt: 0.1,
    divergenceDeg: 12,
  },
  {
    description: 'Sailing Vessel - Mono-hull - Full Keel - Deep Draft',
    rateKtPerKtWind: 0.03,
    offsetKt: 0.0,
    divergenceDeg: 48,
  },
  {
    description: 'Sailing Vessel - Mono-hull - Full Keel - Shoal Draft',
    rateKtPerKtWind: 0.04,
    offsetKt: 0.0,
    divergenceDeg: 48,
  },
  {
    description: 'Power Vessel - Skiffs - Flat Bottom - Boston Whaler',
    rateKtPerKtWind: 0.034,
    offsetKt: 0.04,
    divergenceDeg: 22,
  },
  {
    description: 'Power Vessel - Skiffs - V-hull - std. Configuraton',
    rateKtPerKtWind: 0.03,
    offsetKt: 0.08,
    divergenceDeg: 15,
  },
  { description: 'Power Vessel - Skiffs - V-hull - Swamped', rateKtPerKtWind: 0.017, offsetKt: 0.0, divergenceDeg: 15 },
  {
    description: 'Power Vessel - Sports Boat - Cuddy Cabin - Modified V-hull',
    rateKtPerKtWind: 0.069,
    offsetKt: -0.08,
    divergenceDeg: 19,
  },
  {
    description: 'Power Vessel - Sports Fisher - Center Console - Open cockpit',
    rateKtPerKtWind: 0.06,
    offsetKt: -0.09,
    divergenceDeg: 22,
  },
  {
    description: 'Power Vessels - Commercial Fishing Vessels - Unknown',
    rateKtPerKtWind: 0.037,
    offsetKt: 0.02,
    divergenceDeg: 48,
  },
  {
    description: 'Power Vessels - Commercial Fishing Vessels - Sampans',
    rateKtPerKtWind: 0.04,
    offsetKt: 0.0,
    divergenceDeg: 48,
  },
  {
    description: 'Power Vessels - Commercial Fishing Vessels - Side-stern Trawler',
    rateKtPerKtWind: 0.042,
    offsetKt: 0.0,
    divergenceDeg: 48,
  },
  {
    description: 'Power Vessels - Commercial Fishing Vessels - Longliners',
    rateKtPerKtWind: 0.037,
    offsetKt: 0.0,
    divergenceDeg: 48,
  },
  {
    description: 'Power Vessels - Commercial Fishing Vessels - Junk',
    rateKtPerKtWind: 0.027,
    offsetKt: 0.1,
    divergenceDeg: 48,
  },
  {
    description: 'Power Vessels - Commercial Fishing Vessels - Gill-netter - w/rear reel',
    rateKtPerKtWind: 0.04,
    offsetKt: 0.01,
    divergenceDeg: 33,
  },
  { description: 'Power Vessels - Coastal Freighter', rateKtPerKtWind: 0.028, offsetKt: 0.0, divergenceDeg: 48 },
  { description: 'Boating Debris - F/V Debris', rateKtPerKtWind: 0.02, offsetKt: 0.0, divergenceDeg: 10 },
  {
    description: 'Boating Debris - Bait/wharf box holds a cubic meter of Ice - Unknown',
    rateKtPerKtWind: 0.013,
    offsetKt: 0.27,
    divergenceDeg: 31,
  },
  {
    description: 'Boating Debris - Bait/wharf box holds a cubic meter of Ice - lightly loaded',
    rateKtPerKtWind: 0.026,
    offsetKt: 0.18,
    divergenceDeg: 15,
  },
  {
    description: 'Boating Debris - Bait/wharf box holds a cubic meter of Ice - fully loaded',
    rateKtPerKtWind: 0.016,
    offsetKt: 0.16,
    divergenceDeg: 33,
  },
];
