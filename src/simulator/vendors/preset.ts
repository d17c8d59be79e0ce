/**
 * The shape of a vendor limit preset: a vendor's published limit with its sources, its tunable
 * parameters and a factory for the `VendorLimiter` that enforces it.
 */
import type { VendorLimiter } from './limiter.js';

/** A published figure a preset is built on. */
export interface PresetSource {
  url: string;
  /** The figure as published. */
  figure: string;
  /** Publication date of the figure as ISO 8601 (year, month or day), or `undated`. */
  date: string;
  /** True when only a third-party page states the figure, so it should be checked against the vendor. */
  secondary?: boolean;
}

/** A number a scenario may override through `presetParams`. */
export interface PresetParam {
  default: number;
  /** Unit of the value, such as `requests` or `s`. */
  unit: string;
  description: string;
  /** Smallest valid value. */
  min: number;
  /** True when only whole numbers are valid. */
  integer: boolean;
}

/** Parameter values after defaults are filled in, by parameter name. */
export type PresetParams = Readonly<Record<string, number>>;

/** A vendor's published limit, ready to apply to a simulated system. */
export interface VendorPreset {
  /** Identifier used in scenario files, such as `shopify-rest-basic`. */
  id: string;
  vendor: string;
  title: string;
  /** How the vendor limits requests and the error it returns for a request over the limit. */
  description: string;
  sources: readonly PresetSource[];
  params: Readonly<Record<string, PresetParam>>;
  /**
   * Creates a limiter. `overridden` names the parameters the scenario set, for presets where one
   * parameter is derived from others unless set itself.
   */
  create(params: PresetParams, overridden: ReadonlySet<string>): VendorLimiter;
}

/**
 * Fills in defaults for the parameters of `preset` and checks the overrides.
 *
 * @throws Error when an override names an unknown parameter (the message lists the valid ones) or its
 *   value is not a finite number, is below the minimum, or is fractional where a whole number is needed.
 */
export function resolveParams(preset: VendorPreset, overrides: Readonly<Record<string, number>> = {}): PresetParams {
  const names = Object.keys(preset.params);
  const resolved: Record<string, number> = {};
  for (const name of names) {
    resolved[name] = (preset.params[name] as PresetParam).default;
  }

  for (const [name, value] of Object.entries(overrides)) {
    const param = preset.params[name];
    if (param === undefined) {
      throw new Error(
        `Unknown parameter "${name}" for vendor preset ${preset.id}: valid parameters are ${names.join(', ')}.`,
      );
    }

    const wholeOk = !param.integer || Number.isInteger(value);
    if (!Number.isFinite(value) || value < param.min || !wholeOk) {
      const kind = param.integer ? 'a whole number' : 'a number';
      throw new Error(
        `Invalid value ${value} for parameter "${name}" of vendor preset ${preset.id}: use ${kind} of at least ${param.min} (${param.unit}).`,
      );
    }
    resolved[name] = value;
  }
  return resolved;
}

/**
 * Rounds a wait up to whole seconds, as a vendor does when it sends Retry-After as an HTTP
 * delay-seconds value, which is a whole number.
 */
export function wholeSeconds(ms: number): number {
  return Math.ceil(ms / 1000) * 1000;
}

/**
 * Formats a rate for a vendor message: whole numbers as they are, others with up to two decimals.
 */
export function formatRate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Builds the error for a `finish` call whose request the limiter never admitted, which is a bug in the
 * caller: only admitted requests may be finished, and each only once.
 */
export function unknownRequestError(presetId: string, requestId: number): Error {
  return new Error(
    `Vendor limiter ${presetId}: finish called for request ${requestId}, which is not in flight. Call finish once for each admitted request.`,
  );
}
