import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { PrefgameError, type ErrorCode } from '../errors.js';
import { Problem, problemKinds, type ProblemDocument } from './problem.js';

/** Kinds that the contract names but that this version cannot solve yet. */
const kindsNotYetAvailable: readonly string[] = ['pareto', 'estimate', 'compare', 'approachability'];

/**
 * The ajv instance every part of prefgame validates with: draft 2020-12, no type coercion, no
 * removal of unknown properties, first error only (the contract's settings, DESIGN.md section 8).
 */
export const ajv = new Ajv2020({ discriminator: true, allErrors: false, coerceTypes: false, removeAdditional: false, strict: false });

let problemValidator: ValidateFunction | undefined;

function codeFor(error: ErrorObject): ErrorCode {
  const path = error.instancePath;
  switch (error.keyword) {
    case 'discriminator':
      return 'PREF_ERR_UNKNOWN_KIND';
    case 'required':
      return 'PREF_ERR_MISSING_FIELD';
    case 'additionalProperties':
      return path === '/options' ? 'PREF_ERR_UNKNOWN_OPTION' : 'PREF_ERR_UNKNOWN_FIELD';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      if (/^\/(preferences|criteria\/\d+\/preferences)\/\d+\/\d+$/.test(path)) return 'PREF_ERR_OUT_OF_RANGE';
      return path.startsWith('/options/') ? 'PREF_ERR_INVALID_OPTION' : 'PREF_ERR_SCHEMA';
    case 'const':
    case 'enum':
    case 'anyOf':
      if (path === '/norm') return 'PREF_ERR_UNKNOWN_NORM';
      return path.startsWith('/options/') ? 'PREF_ERR_INVALID_OPTION' : 'PREF_ERR_SCHEMA';
    default:
      return path.startsWith('/options/') ? 'PREF_ERR_INVALID_OPTION' : 'PREF_ERR_SCHEMA';
  }
}

function describe(error: ErrorObject): { pointer: string; message: string } {
  const path = error.instancePath;
  const field = path === '' ? 'the document' : path.slice(1).replace(/\//g, '.');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer: `${path}/${String(params.missingProperty)}`, message: `${field} is missing the required field "${String(params.missingProperty)}"` };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const where = path === '/options' ? 'option' : `field in ${field}`;
      return { pointer: `${path}/${name}`, message: `unknown ${where} "${name}"` };
    }
    case 'discriminator':
      return { pointer: '/kind', message: `kind must be one of ${problemKinds.join(', ')}` };
    default:
      return { pointer: path, message: `${field} ${error.message ?? 'is invalid'}` };
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
 * validateProblem({ kind: 'von-neumann' }) // throws PREF_ERR_MISSING_FIELD at /preferences
 * ```
 */
export function validateProblem(value: unknown): ProblemDocument {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PrefgameError('PREF_ERR_SCHEMA', 'a problem document must be a JSON object', '');
  }
  const kind = (value as { kind?: unknown }).kind;
  if (kind === undefined) throw new PrefgameError('PREF_ERR_MISSING_FIELD', 'the document is missing the required field "kind"', '/kind');
  if (typeof kind === 'string' && kindsNotYetAvailable.includes(kind)) {
    throw new PrefgameError('PREF_ERR_UNSUPPORTED_KIND', `kind "${kind}" is part of the contract but not available in this version`, '/kind');
  }
  if (typeof kind !== 'string' || !(problemKinds as readonly string[]).includes(kind)) {
    throw new PrefgameError('PREF_ERR_UNKNOWN_KIND', `kind must be one of ${problemKinds.join(', ')}; got ${JSON.stringify(kind)}`, '/kind');
  }
  problemValidator ??= ajv.compile(Problem);
  if (problemValidator(value)) return value as ProblemDocument;
  const error = (problemValidator.errors ?? [])[0];
  if (!error) throw new PrefgameError('PREF_ERR_SCHEMA', 'the document does not match the schema', '');
  const { pointer, message } = describe(error);
  throw new PrefgameError(codeFor(error), message, pointer);
}
