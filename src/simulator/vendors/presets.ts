/**
 * The registry of vendor limit presets. Preset ids are part of the scenario format: a system names one in
 * `preset` and may override its parameters in `presetParams`.
 */
import { DATAVERSE_PRESET } from './dataverse.js';
import type { VendorLimiter } from './limiter.js';
import { ANTAVO_PRESET, TALON_ONE_PRESET } from './loyalty.js';
import { NETSUITE_PRESET } from './netsuite.js';
import { resolveParams } from './preset.js';
import type { VendorPreset } from './preset.js';
import { SALESFORCE_LONG_RUNNING_PRESET, SALESFORCE_SLAS_PRESET } from './salesforce.js';
import { SHOPIFY_PRESETS } from './shopify.js';

export type { PresetParam, PresetParams, PresetSource, VendorPreset } from './preset.js';

const PRESETS: readonly VendorPreset[] = [
  ...SHOPIFY_PRESETS,
  DATAVERSE_PRESET,
  NETSUITE_PRESET,
  SALESFORCE_LONG_RUNNING_PRESET,
  SALESFORCE_SLAS_PRESET,
  TALON_ONE_PRESET,
  ANTAVO_PRESET,
];

const BY_ID = new Map(PRESETS.map((preset) => [preset.id, preset]));

/** Lists every preset in a stable order, for the studio and the docs. */
export function listPresets(): readonly VendorPreset[] {
  return PRESETS;
}

/**
 * Returns the preset with `id`.
 *
 * @throws Error when no preset has that id; the message lists the valid ids.
 */
export function getPreset(id: string): VendorPreset {
  const preset = BY_ID.get(id);
  if (preset === undefined) {
    throw new Error(`Unknown vendor preset "${id}": valid presets are ${[...BY_ID.keys()].join(', ')}.`);
  }
  return preset;
}

/**
 * Creates a limiter for preset `id`, with `params` overriding the preset's defaults.
 *
 * @example createLimiter('netsuite-concurrency', { licences: 2 }) // limit 5 + 2 x 10 = 25
 * @throws Error when the id is unknown, a parameter name is unknown (the message lists the valid ones),
 *   or a value is out of range.
 */
export function createLimiter(id: string, params: Readonly<Record<string, number>> = {}): VendorLimiter {
  const preset = getPreset(id);
  const resolved = resolveParams(preset, params);
  return preset.create(resolved, new Set(Object.keys(params)));
}
