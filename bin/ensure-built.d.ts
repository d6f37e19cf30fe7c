/** Types of ensure-built.js (plain JavaScript: it runs before anything is compiled). */
export declare const ROOT: string;
export declare const DIST: string;
export declare function isBuildFresh(): boolean;
export declare const ENTRIES: string[];
export declare function build(options?: { quiet?: boolean }): Promise<void>;
export declare function ensureBuilt(env?: NodeJS.ProcessEnv): Promise<void>;
