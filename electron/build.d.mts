// Types of electron/build.mjs (plain JavaScript so it runs with bare node during `npm ci`).
export declare const ROOT: string;
export declare const APP_OUT: string;
export declare const ELECTRON_OUT: string;
export declare function buildApp(out?: string): Promise<string>;
export declare function buildElectron(out?: string): Promise<string>;
export declare function buildIsStale(): boolean;
export declare function buildAll(opts?: { force?: boolean }): Promise<boolean>;
