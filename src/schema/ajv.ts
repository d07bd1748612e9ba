import { Ajv2020 } from 'ajv/dist/2020.js';
import { ajvSettings } from './ajv-settings.js';

/**
 * An ajv instance with prefgame's settings ({@link ajvSettings}: draft 2020-12, no coercion,
 * first error only), for validating documents against the schemas of `schemaDocuments` the way
 * prefgame does. prefgame itself validates problem documents with validators precompiled at
 * build time, so loading the library does not compile any schema.
 *
 * @example
 * ```ts
 * const validate = ajv.compile(schemaDocuments.result)
 * const result = solve({ kind: 'von-neumann', preferences: [[0.5, 0.7], [0.3, 0.5]] })
 * assert.equal(validate(result), true)
 * ```
 */
export const ajv = new Ajv2020(ajvSettings);
