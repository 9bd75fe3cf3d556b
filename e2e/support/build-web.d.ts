export declare function ensureWebBuild(): void;
