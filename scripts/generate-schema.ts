/**
 * Writes schema/scenario.schema.json from the scenario zod schema.
 *
 * Run after changing src/simulator/scenario/schema.ts: npx tsx scripts/generate-schema.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateScenarioJsonSchema } from '../src/simulator/scenario/json-schema.js';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'scenario.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, generateScenarioJsonSchema());
console.log(`wrote ${target}`);
