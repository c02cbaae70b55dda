// Real JSON Schema validators for the tests: ajv 8 for draft 2020-12 (psg schema) and for
// draft-04 (the SARIF 2.1.0 schema as @microsoft/jest-sarif ships it), with formats checked.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

type Validator = { (data: unknown): boolean; errors?: unknown[] | null };

/** A validator for a draft 2020-12 schema; compiling fails on a schema that is not valid. */
export function validator2020(schema: object): Validator {
  // Strict, except that a "then" may require a property defined at the top level (standard
  // JSON Schema; ajv's strictRequired wants it defined again beside the "required").
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  return ajv.compile(schema) as Validator;
}

/** The SARIF 2.1.0 schema (OASIS, via Microsoft's SARIF SDK for JavaScript, MIT). */
export function sarifValidator(): Validator {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as object;
  // strict off: the schema uses keywords of its own draft loosely; unicodeRegExp off: one of
  // its patterns (language tags) has a stray "]" that only a non-unicode RegExp accepts.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema) as Validator;
}
