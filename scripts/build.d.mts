// Types of scripts/build.mjs for TypeScript callers (bench/bundle.ts).
import type { BuildOptions, Metafile } from 'esbuild';

export declare const FUNCTIONS: Record<'slack' | 'worker', string>;
export declare const POLICY_OUTPUT: string;
export declare const MAX_COLD_BYTES: number;

export interface BundleSizes {
  /** Every file shipped (entry and chunks). */
  total: number;
  /** The entry and the chunks it imports statically: what importing the handler parses. */
  cold: number;
  files: number;
}

export declare function lambdaBuildOptions(options?: { stubs?: boolean }): BuildOptions;
export declare function bundleSizes(metafile: Metafile, entryFile: string): BundleSizes;
export declare function buildLambdaBundles(options?: {
  outDir?: string;
  policyFile?: string;
  analyze?: boolean;
}): Promise<Record<'slack' | 'worker', BundleSizes & { metafile: Metafile }>>;
