/** Types of the helpers that scripts/start.mjs exports for its tests. */

export type ElectronLookup = { found: true; path: string } | { found: false; reason: 'not-installed' | 'missing-file' };

export interface FallbackInput {
  electron: ElectronLookup;
  scriptDenied: boolean;
  forcedWeb: boolean;
  platform: string;
  env: Record<string, string | undefined>;
}

export const DEFAULT_WEB_PORT: number;
export const INSTALL_ELECTRON_HINT: string;
export function findElectronBinary(requireModule?: (id: string) => unknown, exists?: (file: string) => boolean): ElectronLookup;
export function isElectronScriptDenied(packageJson: unknown): boolean;
export function explainFallback(input: FallbackInput): string | null;
export function parseArguments(argv: readonly string[]): { web: boolean; port: number };
