/**
 * The vendor limit presets as the loader checks them: their ids and tunable parameters.
 */
import { listPresets } from '../vendors/presets.js';

/** A parameter a scenario may set in `presetParams`, with the range the preset accepts. */
export interface PresetParamInfo {
  min: number;
  integer: boolean;
  unit: string;
}

/** A preset as the loader checks it. */
export interface PresetInfo {
  id: string;
  params: Readonly<Record<string, PresetParamInfo>>;
}

/** Returns the presets this build ships, in their registry order. */
export function listPresetInfo(): PresetInfo[] {
  return listPresets().map((preset) => ({ id: preset.id, params: preset.params }));
}
