/**
 * Typed client of the Tandem API (same origin; the session is an HttpOnly cookie and writes carry the CSRF
 * token returned by sign-in). Errors come back as `ApiError` with the server's stable code and field.
 */
export interface User {
  readonly userId: string;
  readonly username: string;
  readonly nation: 'KR' | 'JP';
  readonly organisationId: string;
  readonly roles: readonly string[];
}

export interface SarRecord<B = unknown> {
  readonly id: string;
  readonly kind: 'scenario' | 'drift_run' | 'plan' | 'data_file';
  readonly title: string;
  readonly ownerNation: 'KR' | 'JP';
  readonly releasability: 'national' | 'bilateral' | 'public';
  readonly body: B;
  readonly derivedFrom: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface JobView {
  readonly id: string;
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  readonly progress: number;
  readonly message: string | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Catalogue {
  readonly leeway: readonly { id: number; key: string; description: string }[];
  readonly unitTypes: readonly {
    id: string;
    nation: 'KR' | 'JP';
    operator: string;
    name: string;
    platform: string;
    searchSpeedMps: number;
  }[];
  readonly bases: readonly {
    id: string;
    nation: 'KR' | 'JP';
    name: string;
    lonDeg: number;
    latDeg: number;
    kind: 'port' | 'air-base';
  }[];
  /** Objects of the sweep-width tables (IAMSAR Vol II app. N). */
  readonly sweepWidthObjects: readonly string[];
}

export interface DriftCloud {
  readonly count: number;
  readonly times: readonly string[];
  /** Time-major: particle i at output k is at k·count + i; null where the particle has no position. */
  readonly lon: readonly (number | null)[];
  readonly lat: readonly (number | null)[];
  readonly status: readonly number[];
}

export type LonLat = readonly [number, number];

export interface PlanView {
  readonly pos: number;
  readonly upperBoundPos: number;
  readonly startTime: string;
  readonly units: readonly {
    readonly id: string;
    readonly nation: 'KR' | 'JP';
    readonly name: string;
    readonly pattern: string | null;
    readonly pod: number;
    readonly pos: number;
    readonly poc: number;
    readonly trackLengthM: number;
    readonly trackSpacingM: number;
    readonly withinEndurance: boolean;
    readonly waypoints: readonly LonLat[];
    readonly area: readonly LonLat[];
    readonly base: LonLat;
    readonly intercept: { readonly lon: number; readonly lat: number; readonly time: string } | null;
  }[];
  readonly cloud: {
    readonly lon: readonly number[];
    readonly lat: readonly number[];
    readonly weight: readonly number[];
  };
  readonly files: {
    readonly gpx: Readonly<Record<string, string>>;
    readonly kml: string;
    readonly geojson: string;
    readonly messages: Readonly<Record<string, { readonly searchAction: string; readonly sitrep: string }>>;
  };
  readonly warnings: readonly string[];
}

export interface PlanResponse {
  readonly planId: string | null;
  readonly plan: PlanView;
  readonly afterSearch: { readonly tracks: number; readonly pos: number; readonly next: PlanView } | null;
}

export interface PlanRequest {
  readonly driftRunId: string;
  readonly atTime: string;
  readonly units: readonly { id: string; nation: 'KR' | 'JP'; type: string; baseId: string }[];
  readonly searchObject: string;
  readonly sortieHours?: number;
  readonly windSpeedMps?: number;
  readonly tracks?: readonly { fileName: string; text: string }[];
  readonly save?: boolean;
}

export class ApiError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly status: number;
  constructor(status: number, code: string, message: string, field: string | undefined) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export class ApiClient {
  #csrf: string | undefined;

  async #call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.#csrf !== undefined) headers['x-csrf-token'] = this.#csrf;
    const res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const json: unknown = text === '' ? null : JSON.parse(text);
    if (!res.ok) {
      const e = (json as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
      throw new ApiError(res.status, e?.code ?? 'HTTP', e?.message ?? res.statusText, e?.field);
    }
    return json as T;
  }

  /** Any API call with the session cookie and CSRF token; feature modules build their typed calls on it. */
  async request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
    return this.#call<T>(method, url, body);
  }

  async login(username: string, password: string): Promise<User> {
    const r = await this.#call<{ user: User; csrfToken: string }>('POST', '/api/auth/login', { username, password });
    this.#csrf = r.csrfToken;
    return r.user;
  }

  /** The current session's user, or undefined when not signed in. */
  async me(): Promise<User | undefined> {
    try {
      const r = await this.#call<{ user: User; csrfToken: string }>('GET', '/api/auth/me');
      this.#csrf = r.csrfToken;
      return r.user;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return undefined;
      throw err;
    }
  }

  async logout(): Promise<void> {
    await this.#call('POST', '/api/auth/logout');
    this.#csrf = undefined;
  }

  catalogue(): Promise<Catalogue> {
    return this.#call('GET', '/api/web/catalogue');
  }

  list<B>(
    path: 'scenarios' | 'drift-runs' | 'plans' | 'data-files',
  ): Promise<{ items: SarRecord<B>[]; total: number }> {
    return this.#call('GET', `/api/${path}?limit=200`);
  }

  createScenario(title: string, body: unknown): Promise<SarRecord> {
    return this.#call('POST', '/api/scenarios', { title, releasability: 'bilateral', body });
  }

  startDriftRun(scenarioId: string): Promise<{ record: SarRecord; jobId: string }> {
    return this.#call('POST', '/api/drift-runs', { scenarioId });
  }

  job(id: string): Promise<JobView> {
    return this.#call('GET', `/api/jobs/${encodeURIComponent(id)}`);
  }

  /** Follows a job's server-sent events until it ends; resolves with the final job view. */
  followJob(id: string, onProgress: (job: JobView) => void): Promise<JobView> {
    return new Promise((resolve, reject) => {
      const es = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
      es.addEventListener('progress', (e) => onProgress(JSON.parse((e as MessageEvent<string>).data) as JobView));
      es.addEventListener('end', (e) => {
        es.close();
        resolve(JSON.parse((e as MessageEvent<string>).data) as JobView);
      });
      es.onerror = () => {
        es.close();
        this.job(id).then((j) => {
          if (j.status === 'succeeded' || j.status === 'failed' || j.status === 'cancelled') resolve(j);
          else reject(new Error('lost the job event stream'));
        }, reject);
      };
    });
  }

  driftCloud(driftRunId: string): Promise<DriftCloud> {
    return this.#call('GET', `/api/web/drift-runs/${encodeURIComponent(driftRunId)}/cloud`);
  }

  plan(req: PlanRequest): Promise<PlanResponse> {
    return this.#call('POST', '/api/web/plan', req);
  }
}
