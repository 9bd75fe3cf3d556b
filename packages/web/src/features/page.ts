/** What the shell gives every page: the API client, the signed-in user and the hash route below the page. */
import type { ApiClient, User } from '../api/api-client.ts';

export interface PageProps {
  readonly api: ApiClient;
  readonly user: User;
  /** Path segments after the page's own (`#/drills/abc/report` → `['abc', 'report']`). */
  readonly path: readonly string[];
  /** Goes to another hash route, e.g. `navigate('drills/abc')`. */
  navigate(route: string): void;
}

/** The public summary needs no sign-in: no user. */
export interface PublicPageProps {
  readonly api: ApiClient;
  readonly user: User | undefined;
}
