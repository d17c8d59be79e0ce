/**
 * `rrs presets`: the vendor presets a scenario can name, with their limits and where each figure
 * comes from.
 */
import Table from 'cli-table3';
import type { VendorPreset } from '../../simulator/vendors/preset.js';
import { listPresets } from '../../simulator/vendors/presets.js';
import { EXIT } from '../errors.js';
import { TABLE_OPTIONS } from '../tables.js';

/** Prints every vendor preset and returns exit code 0. */
export function presetsCommand(): number {
  const presets = listPresets();
  const blocks = presets.map(renderPreset);

  process.stdout.write(`${blocks.join('\n\n')}\n`);
  return EXIT.ok;
}

/** Renders one preset: its id and title, how the vendor limits, its parameters and its sources. */
export function renderPreset(preset: VendorPreset): string {
  const lines = [`${preset.id}: ${preset.title} (${preset.vendor})`, `  ${preset.description}`];

  const params = Object.entries(preset.params);
  if (params.length > 0) {
    const table = new Table({ head: ['Limit', 'Default', 'Unit', 'Minimum', 'Meaning'], ...TABLE_OPTIONS });
    for (const [name, param] of params) {
      table.push([name, String(param.default), param.unit, formatMinimum(param.min), param.description]);
    }
    lines.push(indent(table.toString()));
  }

  lines.push('  Sources:');
  for (const source of preset.sources) {
    const caveat = source.secondary === true ? ' [third-party source; check against the vendor]' : '';
    lines.push(`    - ${source.figure} (${source.date}) ${source.url}${caveat}`);
  }

  return lines.join('\n');
}

/** Words a minimum; presets mark "any positive number" with Number.MIN_VALUE, which prints as 5e-324. */
function formatMinimum(min: number): string {
  return min > 0 && min < 1e-9 ? '> 0' : String(min);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
