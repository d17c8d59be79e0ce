/**
 * Checks that span several fields of a valid scenario: names that refer to other parts of the file,
 * journeys that need systems, and values that only make sense together.
 */
import { formatDuration } from './duration.js';
import { suggestFix } from './issues.js';
import type { PresetInfo } from './presets.js';
import { JOURNEY_KINDS, SYSTEM_KINDS } from './schema.js';
import type { JourneyKind, Scenario, SystemKind } from './schema.js';
import type { IssueDraft } from './translate.js';

/**
 * Systems each journey kind calls, so a scenario that runs the journey must declare them.
 *
 * An online checkout, for example, reads the customer from the CRM, checks points in loyalty, reserves
 * stock in the ERP and places the order in the shop. The journey machines must call no other system.
 */
export const JOURNEY_SYSTEMS: Record<JourneyKind, readonly SystemKind[]> = {
  onlineCheckout: ['crm', 'loyalty', 'erp', 'ecommerce'],
  inStoreCheckout: ['erp', 'pos', 'loyalty'],
  buyOnlinePickUpInStore: ['erp', 'ecommerce', 'pos', 'crm', 'loyalty'],
  returnInStore: ['pos', 'erp', 'loyalty'],
  promotionActivation: ['crm', 'loyalty', 'erp'],
  profileEnrichment: ['crm'],
};

/** Journey kinds that take their channel from `load.channels` instead of a fixed one. */
const CHANNEL_SHARED_KINDS: readonly JourneyKind[] = ['promotionActivation', 'profileEnrichment'];

/**
 * Checks the references and joint constraints of a scenario that passed the schema.
 *
 * `presets` lists the vendor presets a system may name, with the parameters each accepts.
 */
export function checkReferences(scenario: Scenario, presets: readonly PresetInfo[]): IssueDraft[] {
  return [
    ...checkPolicy(scenario),
    ...checkSystems(scenario, presets),
    ...checkLinks(scenario),
    ...checkFaults(scenario),
    ...checkLoad(scenario),
  ];
}

function reference(path: IssueDraft['path'], message: string, fix: string): IssueDraft {
  return { code: 'unknown-reference', path, message, fix, target: 'value' };
}

function invalid(path: IssueDraft['path'], message: string, fix: string): IssueDraft {
  return { code: 'invalid-value', path, message, fix, target: 'value' };
}

function declared(scenario: Scenario): SystemKind[] {
  return SYSTEM_KINDS.filter((kind) => scenario.systems[kind] !== undefined);
}

function undeclared(scenario: Scenario, system: SystemKind, path: IssueDraft['path']): IssueDraft[] {
  if (scenario.systems[system] !== undefined) return [];
  const list = declared(scenario).join(', ') || 'none';
  return [reference(path, `system "${system}" is not declared under systems (declared: ${list})`, `add "${system}:" under systems, or refer to a declared system`)];
}

function checkPolicy(scenario: Scenario): IssueDraft[] {
  const name = scenario.activePolicy;
  if (name === undefined || name in scenario.policies) return [];

  const names = Object.keys(scenario.policies);
  const fix = names.length === 0 ? `add a policy set named "${name}" under policies, or remove activePolicy` : suggestFix(name, names, 'policy set');
  return [reference(['activePolicy'], `policy set "${name}" is not defined under policies`, fix)];
}

function checkSystems(scenario: Scenario, presets: readonly PresetInfo[]): IssueDraft[] {
  const issues: IssueDraft[] = [];
  for (const kind of declared(scenario)) {
    const system = scenario.systems[kind];
    if (system === undefined) continue;

    const params = Object.entries(system.presetParams ?? {});
    if (system.preset === undefined) {
      if (params.length > 0) {
        issues.push(invalid(['systems', kind, 'presetParams'], 'presetParams is set without a preset', 'add "preset:" naming the vendor preset, or remove presetParams'));
      }
      continue;
    }

    const preset = presets.find((p) => p.id === system.preset);
    if (preset === undefined) {
      const ids = presets.map((p) => p.id);
      issues.push(reference(['systems', kind, 'preset'], `unknown preset "${system.preset}"`, suggestFix(system.preset, ids, 'preset')));
      continue;
    }
    issues.push(...checkPresetParams(kind, preset, params));
  }
  return issues;
}

/** Checks `presetParams` against the preset's names and ranges, which `createLimiter` would reject by throwing. */
function checkPresetParams(kind: SystemKind, preset: PresetInfo, params: [string, number][]): IssueDraft[] {
  const issues: IssueDraft[] = [];
  for (const [name, value] of params) {
    const path = ['systems', kind, 'presetParams', name];
    const param = preset.params[name];
    if (param === undefined) {
      const fix = suggestFix(name, Object.keys(preset.params), `parameter of ${preset.id}`);
      const message = `unknown parameter "${name}" for preset ${preset.id}`;
      issues.push({ code: 'unknown-key', path, message, fix, target: 'key' });
      continue;
    }

    if (value < param.min || (param.integer && !Number.isInteger(value))) {
      const expected = `${param.integer ? 'a whole number' : 'a number'} of at least ${param.min} (${param.unit})`;
      issues.push(invalid(path, `${name} ${value} is invalid for preset ${preset.id}`, `set ${name} to ${expected}`));
    }
  }
  return issues;
}

function checkLinks(scenario: Scenario): IssueDraft[] {
  return scenario.links.flatMap((link, i) => undeclared(scenario, link.to, ['links', i, 'to']));
}

function checkFaults(scenario: Scenario): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const end = scenario.clock.duration;

  scenario.faults.forEach((fault, i) => {
    if ('system' in fault) issues.push(...undeclared(scenario, fault.system, ['faults', i, 'system']));
    if (fault.kind === 'partition') issues.push(...undeclared(scenario, fault.to, ['faults', i, 'to']));
    if (fault.at >= end) {
      issues.push(
        invalid(
          ['faults', i, 'at'],
          `fault starts at ${formatDuration(fault.at)}, when the run has ended (clock.duration is ${formatDuration(end)})`,
          `start the fault before ${formatDuration(end)}, or lengthen clock.duration`,
        ),
      );
    }
  });
  return issues;
}

function checkLoad(scenario: Scenario): IssueDraft[] {
  const { mix, channels } = scenario.load;
  const issues: IssueDraft[] = [];

  const total = JOURNEY_KINDS.reduce((sum, kind) => sum + (mix[kind] ?? 0), 0);
  if (total <= 0) {
    issues.push(invalid(['load', 'mix'], 'every journey kind has weight 0, so no journey would start', 'give at least one journey kind a weight above 0'));
  }

  for (const kind of JOURNEY_KINDS) {
    if ((mix[kind] ?? 0) <= 0) continue;
    const absent = JOURNEY_SYSTEMS[kind].filter((system) => scenario.systems[system] === undefined);
    if (absent.length === 0) continue;
    issues.push(
      reference(
        ['load', 'mix', kind],
        `journey ${kind} needs systems that are not declared: ${absent.join(', ')}`,
        `declare ${absent.join(', ')} under systems, or set load.mix.${kind} to 0`,
      ),
    );
  }

  const sharesChannels = CHANNEL_SHARED_KINDS.some((kind) => (mix[kind] ?? 0) > 0);
  if (sharesChannels && (channels.ecommerce ?? 0) + (channels.pos ?? 0) <= 0) {
    issues.push(
      invalid(
        ['load', 'channels'],
        'no channel has a share above 0, so promotionActivation and profileEnrichment have no channel to start in',
        'give ecommerce or pos a share above 0',
      ),
    );
  }
  return issues;
}
