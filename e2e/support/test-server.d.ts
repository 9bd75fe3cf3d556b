import type { RunningServer } from '@tandem/server';
export declare const REPO_ROOT: string;
export interface TestServer {
  readonly url: string;
  readonly server: RunningServer;
  close(): Promise<void>;
}
export declare function startTestServer(): Promise<TestServer>;
