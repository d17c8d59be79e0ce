/**
 * The JSON Schema of scenario files, generated from the zod schema for editors.
 *
 * It describes the input form (`io: 'input'`), so durations accept both numbers and strings and fields
 * with defaults are optional, as a scenario author writes them.
 */
import { z } from 'zod';
import { SCHEMA_VERSION, scenarioSchema } from './schema.js';

/** Returns the scenario JSON Schema as formatted text, ending in a newline. */
export function generateScenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input' });
  const document = {
    ...schema,
    title: `Retail Resilience Studio scenario, schema version ${SCHEMA_VERSION}`,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
