/** Demo data for exchanges, seeded once with the rest of the demo (demo-data.ts). */
import type { TandemDatabase } from '../db/database.ts';
import type { Actor } from '../auth/roles.ts';

/** Demo actors by username (see USERS in demo-data.ts). */
export type DemoActors = ReadonlyMap<string, Actor>;

export async function seedDemoExchanges(_database: TandemDatabase, _actors: DemoActors): Promise<void> {}
