/** The published JSON report schema (docs/report-schema.json), compiled once for tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';

export const REPORT_SCHEMA_PATH = fileURLToPath(new URL('../../docs/report-schema.json', import.meta.url));
export const REPORT_SCHEMA = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

// strict: a typo in the schema (an unknown keyword) fails the tests instead of validating nothing.
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(REPORT_SCHEMA);

/** The schema's complaints about `report`, as readable lines; empty when it is valid. */
export function reportSchemaErrors(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}
