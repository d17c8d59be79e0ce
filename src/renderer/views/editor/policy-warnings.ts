/**
 * Policy lint warnings of the editor text, kept apart from the loader's errors. A warning marks a
 * harmful combination of policies in a valid scenario, and the Run button ignores warnings.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { lintScenarioSource, parseScenario, type PlacedWarning } from '../../../simulator/index.js';

/** Warnings of the last text the editor checked. */
export const policyWarningStore = createStore<{ warnings: PlacedWarning[] }>()(() => ({ warnings: [] }));

/** Reads the editor's policy warnings and re-renders when they change. */
export function usePolicyWarnings(): PlacedWarning[] {
  return useStore(policyWarningStore, (state) => state.warnings);
}

/** Lints the policies of `text`; an empty or invalid text has no warnings, since its errors come first. */
export function checkPolicyWarnings(text: string, file: string): PlacedWarning[] {
  if (text.trim() === '') return [];
  const parsed = parseScenario(text, file);
  return parsed.ok ? lintScenarioSource(text, parsed.scenario, file) : [];
}
