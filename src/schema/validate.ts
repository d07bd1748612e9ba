import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { ajvSettings } from './ajv-settings.js';
import { PrefgameError, type ErrorCode } from '../errors.js';
import { Field } from './field.js';
import { checkFiniteNumbers } from './finite-numbers.js';
import { Options } from './problem.js';
import { kindSchemas, problemKinds, type ProblemDocument, type ProblemKind } from './kinds.js';

/** Kinds that the contract names but that this version cannot solve yet. */

/**
 * One validator per kind. `checkKind` has already picked the kind, so the document is validated
 * against that kind's schema alone: compiling the `Problem` union (a discriminated `oneOf`)
 * instead makes Ajv2020 track evaluated items through every matrix, 15-20x slower on a
 * 128 x 128 x 5 document (4.4 ms instead of 0.25 ms).
 *
 * The build precompiles them (ajv's standalone code, `problem-validators.cjs` beside the built
 * file): compiling a schema at start-up costs a CLI run about 0.1 s. Run from the TypeScript
 * sources, where there is none, they are compiled on first use with the same settings.
 */
const validators = new Map<string, ValidateFunction>();

const requireHere = createRequire(import.meta.url);
const precompiledFile = fileURLToPath(new URL('./problem-validators.cjs', import.meta.url));
let precompiled: Record<string, ValidateFunction> | null | undefined;
let compiler: Ajv2020 | undefined;

/** The validator of one kind: precompiled if the build wrote them, else compiled now. */
function validatorOf(kind: ProblemKind): ValidateFunction {
  let validator = validators.get(kind);
  if (validator) return validator;
  precompiled ??= existsSync(precompiledFile)
    ? (requireHere(precompiledFile) as Record<string, ValidateFunction>)
    : null;
  validator = precompiled?.[kind];
  if (!validator) {
    compiler ??= new (requireHere('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020(ajvSettings);
    validator = compiler.compile(kindSchemas[kind].problem);
  }
  validators.set(kind, validator);
  return validator;
}

const matrixEntry = /^\/(preferences|payoff|criteria\/\d+\/preferences)\/\d+\/\d+$/;
const matrix = /^\/(preferences|payoff|criteria\/\d+\/preferences)(\/\d+)?$/;

/** `/criteria/1/preferences/0/2` as a reader writes it: `criteria[1].preferences[0][2]`. */
function fieldName(pointer: string): string {
  if (pointer === '') return 'the document';
  const segments = pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  return new Field(segments.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))).toString();
}

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

/**
 * The stable code, message and pointer for an ajv error on a problem document: used by
 * {@link validateProblem} and by the HTTP service, which validates with the same schemas.
 *
 * @example
 * ```ts
 * const error = { keyword: 'enum', instancePath: '/norm', schemaPath: '#/properties/norm/enum', data: 'l3', params: { allowedValues: ['linf'] } }
 * assert.deepEqual(explainSchemaError(error), { code: 'PREF_ERR_UNKNOWN_NORM', message: 'norm is "l3"; it must be one of "linf"', pointer: '/norm' })
 * ```
 */
export function explainSchemaError(error: ErrorObject): { code: ErrorCode; message: string; pointer: string } {
  const path = error.instancePath;
  const field = fieldName(path);
  const params = error.params as Record<string, unknown>;
  const inOptions = path.startsWith('/options/');
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      return {
        code: 'PREF_ERR_MISSING_FIELD',
        pointer: `${path}/${name}`,
        message: `${field} is missing the required field "${name}"`,
      };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      if (path === '/options')
        return {
          code: 'PREF_ERR_UNKNOWN_OPTION',
          pointer: `${path}/${name}`,
          message: `unknown option "${name}" (options are ${Object.keys(Options.properties).join(', ')})`,
        };
      return {
        code: 'PREF_ERR_UNKNOWN_FIELD',
        pointer: `${path}/${name}`,
        message: `${field} has the unknown field "${name}"`,
      };
    }
    case 'discriminator':
      if (path === '')
        return {
          code: 'PREF_ERR_UNKNOWN_KIND',
          pointer: '/kind',
          message: `kind must be one of ${problemKinds.join(', ')}`,
        };
      break;
    case 'dependentRequired': {
      const property = String(params.property);
      return {
        code: 'PREF_ERR_SCHEMA',
        pointer: `${path}/${property}`,
        message: `${fieldName(`${path}/${property}`)} applies only together with ${String(params.missingProperty)}, which is missing`,
      };
    }
    case 'oneOf': {
      const alternatives = requiredAlternatives(error.schema);
      if (!alternatives) break;
      const present = (names: string[]) =>
        names.filter((name) => error.data !== null && typeof error.data === 'object' && name in error.data);
      const wording = alternatives.some((names) => names.length > 1)
        ? `either ${alternatives.map((names) => names.join(' and ')).join(', or ')}`
        : alternatives.map((names) => names[0]).join(' or ');
      if (Array.isArray(params.passingSchemas)) {
        const given = alternatives.map(present).flat();
        const listed = `${given.slice(0, -1).join(', ')} and ${given[given.length - 1]}`;
        return {
          code: 'PREF_ERR_SCHEMA',
          pointer: `${path}/${given[given.length - 1]}`,
          message: `${field} has ${listed}: give ${wording}, not both`,
        };
      }
      const closest = alternatives.reduce(
        (best, names) => (present(names).length > present(best).length ? names : best),
        alternatives[0],
      );
      const missing = closest.find((name) => !present([name]).length) ?? closest[0];
      return {
        code: 'PREF_ERR_MISSING_FIELD',
        pointer: `${path}/${missing}`,
        message: `${field} needs ${wording}; "${missing}" is missing`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(show).join(', ');
      const code: ErrorCode =
        path === '/norm' ? 'PREF_ERR_UNKNOWN_NORM' : inOptions ? 'PREF_ERR_INVALID_OPTION' : 'PREF_ERR_SCHEMA';
      return { code, pointer: path, message: `${field} is ${show(error.data)}; it must be one of ${allowed}` };
    }
    case 'type':
    case 'minimum':
    case 'maximum':
      if (matrixEntry.test(path)) {
        if (typeof error.data === 'number' && !Number.isFinite(error.data))
          return {
            code: 'PREF_ERR_NON_FINITE',
            pointer: path,
            message: `${field} is ${error.data}, not a finite number`,
          };
        if (typeof error.data === 'number')
          return {
            code: 'PREF_ERR_OUT_OF_RANGE',
            pointer: path,
            message: `${field} is ${error.data}; probabilities must lie in [0, 1]`,
          };
      }
      break;
    case 'minItems':
      if (matrix.test(path)) return { code: 'PREF_ERR_EMPTY_MATRIX', pointer: path, message: `${field} is empty` };
      break;
    case 'minProperties':
      if (path === '/target')
        return {
          code: 'PREF_ERR_SCHEMA',
          pointer: path,
          message: 'target needs at least one of thresholds, halfspaces, constraints',
        };
      break;
  }
  return {
    code: inOptions ? 'PREF_ERR_INVALID_OPTION' : 'PREF_ERR_SCHEMA',
    pointer: path,
    message: `${field} ${error.message ?? 'is invalid'}`,
  };
}

/** The branches of a `oneOf` made only of `required` lists (alternative field sets), or null. */
function requiredAlternatives(schema: unknown): string[][] | null {
  if (!Array.isArray(schema)) return null;
  const lists = (schema as unknown[]).map((branch) => {
    if (!branch || typeof branch !== 'object' || Object.keys(branch).length !== 1) return null;
    const required = (branch as { required?: unknown }).required;
    return Array.isArray(required) ? (required as string[]) : null;
  });
  return lists.every((list) => list !== null) ? lists : null;
}

/**
 * The most useful of ajv's errors for one failed validation (ajv stops at the first failing
 * keyword, but a `oneOf` or `anyOf` reports its branches' errors before its own): the
 * alternative-fields `oneOf` itself ("needs preferences or comparisons") rather than its first
 * branch's `required`, and inside an `anyOf` the deepest error rather than the first branch's
 * type mismatch. Then {@link explainSchemaError}.
 *
 * @example
 * ```ts
 * const validate = ajv.compile(schemaDocuments['von-neumann'])
 * validate({ kind: 'von-neumann' })
 * assert.deepEqual(explainSchemaErrors(validate.errors ?? []), {
 *   code: 'PREF_ERR_MISSING_FIELD',
 *   message: 'the document needs preferences or comparisons; "preferences" is missing',
 *   pointer: '/preferences',
 * })
 * ```
 */
export function explainSchemaErrors(errors: readonly ErrorObject[]): {
  code: ErrorCode;
  message: string;
  pointer: string;
} {
  const first = errors[0];
  const combinator = errors.find(
    (error) =>
      (error.keyword === 'oneOf' || error.keyword === 'anyOf') && first.instancePath.startsWith(error.instancePath),
  );
  if (combinator && first !== combinator) {
    if (
      combinator.keyword === 'oneOf' &&
      first.keyword === 'required' &&
      first.instancePath === combinator.instancePath &&
      requiredAlternatives(combinator.schema)
    ) {
      return explainSchemaError(combinator);
    }
    if (first.instancePath === combinator.instancePath && first.keyword === 'type') {
      const inside = errors.slice(0, errors.indexOf(combinator));
      if (inside.every((error) => error.keyword === 'type' && error.instancePath === first.instancePath)) {
        const types = inside.map((error) => String((error.params as { type?: unknown }).type));
        return {
          code: 'PREF_ERR_SCHEMA',
          pointer: first.instancePath,
          message: `${fieldName(first.instancePath)} must be ${types.join(' or ')}`,
        };
      }
      const deepest = inside.reduce(
        (best, error) => (error.instancePath.length > best.instancePath.length ? error : best),
        first,
      );
      return explainSchemaError(deepest);
    }
  }
  return explainSchemaError(first);
}

/**
 * Throws the precise error for a missing or unknown `kind` (before schema validation, whose
 * discriminator would only say "unknown").
 *
 * @example
 * ```ts
 * assert.throws(() => checkKind('nash'), { code: 'PREF_ERR_UNKNOWN_KIND' })
 * ```
 */
export function checkKind(kind: unknown): void {
  if (kind === undefined)
    throw new PrefgameError('PREF_ERR_MISSING_FIELD', 'the document is missing the required field "kind"', '/kind');
  if (typeof kind !== 'string' || !(problemKinds as readonly string[]).includes(kind)) {
    throw new PrefgameError(
      'PREF_ERR_UNKNOWN_KIND',
      `kind must be one of ${problemKinds.join(', ')}; got ${JSON.stringify(kind)}`,
      '/kind',
    );
  }
}

/**
 * Checks a value against the problem schema and returns it typed, or throws a
 * {@link PrefgameError} naming the first bad field (its code says what kind of mistake it is:
 * `PREF_ERR_MISSING_FIELD`, `PREF_ERR_UNKNOWN_FIELD`, `PREF_ERR_UNKNOWN_OPTION`,
 * `PREF_ERR_UNKNOWN_NORM`, `PREF_ERR_UNKNOWN_KIND`, `PREF_ERR_OUT_OF_RANGE`, `PREF_ERR_SCHEMA`).
 * Content rules that a schema cannot express (square matrices, complementarity, names) are
 * checked later by the solvers.
 *
 * @example
 * ```ts
 * validateProblem({ kind: 'von-neumann', preferences: [[0.5]] }) // returns the document
 * assert.throws(() => validateProblem({ kind: 'von-neumann' }), { code: 'PREF_ERR_MISSING_FIELD', pointer: '/preferences' })
 * ```
 */
export function validateProblem(value: unknown): ProblemDocument {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PrefgameError('PREF_ERR_SCHEMA', 'a problem document must be a JSON object', '');
  }
  checkKind((value as { kind?: unknown }).kind);
  checkFiniteNumbers(value);
  const kind = (value as { kind: ProblemKind }).kind;
  const validator = validatorOf(kind);
  if (validator(value)) return value as ProblemDocument;
  const errors = validator.errors ?? [];
  if (errors.length === 0) throw new PrefgameError('PREF_ERR_SCHEMA', 'the document does not match the schema', '');
  const { code, message, pointer } = explainSchemaErrors(errors);
  throw new PrefgameError(code, message, pointer);
}
