/**
 * The ajv settings every part of prefgame validates with: draft 2020-12, no type coercion, no
 * removal of unknown properties, first error only (the contract's settings), errors with their
 * schema and data (`verbose`, for the messages). The precompiled validators of the build
 * (scripts/write-validators.mjs) use the same.
 */
export const ajvSettings = {
  discriminator: true,
  allErrors: false,
  coerceTypes: false,
  removeAdditional: false,
  strict: false,
  verbose: true,
} as const;
