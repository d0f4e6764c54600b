import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { SAFE_TEXT_PATTERN } from '../../rules/safeText.js';
import { type FieldError, fieldError } from '../errors.js';
import type { FieldCode } from '../messages.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Bodies are validated strictly (no type coercion, unknown fields refused, every error reported);
 * query strings and path parameters are text on the wire, so those are coerced.
 */
const strict = addFormats(
  new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: true, strict: false }),
);
const lenient = addFormats(
  new Ajv({
    allErrors: true,
    coerceTypes: 'array',
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  }),
);

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : lenient;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<FastifySchema>>;
};

const KEYWORD_CODES: Record<string, FieldCode> = {
  required: 'required',
  type: 'type',
  maxLength: 'too_long',
  minLength: 'too_short',
  maxItems: 'too_many',
  minItems: 'required',
  format: 'format',
  pattern: 'format',
  enum: 'enum',
  const: 'enum',
  anyOf: 'enum',
  minimum: 'range',
  maximum: 'range',
  additionalProperties: 'unknown_field',
};

function fieldPath(error: ErrorObject, part: string): string {
  const base = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const params = error.params as Record<string, string>;
  const extra = params.missingProperty ?? params.additionalProperty;
  const path = [base, extra].filter(Boolean).join('.');
  return path || part;
}

export function toFieldErrors(errors: readonly ErrorObject[], part: string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = fieldPath(error, part);
    let code = KEYWORD_CODES[error.keyword] ?? 'format';
    if (error.keyword === 'pattern' && (error.params as { pattern?: string }).pattern === SAFE_TEXT_PATTERN) {
      code = 'unsafe_text';
    }
    const key = `${field}:${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(fieldError(field, code));
  }
  return result;
}
