/**
 * `prefgame/batch`: many problems at a time: one NDJSON line in, one result or error line out
 * (`solveLine`), in order over a worker pool (`createSolvePool`, `solveInOrder`), and the kind
 * registry they dispatch through.
 *
 * @example
 * ```ts
 * import { solveLine } from 'prefgame/batch'
 * solveLine('{"kind":"von-neumann","preferences":[[0.5]]}', 1).status // 'optimal'
 * ```
 *
 * @packageDocumentation
 */
export { solveLine, errorLine, type BatchOutput } from '../batch.js';
export { createSolvePool, type SolvePool, type SolvePoolOptions, type PoolStats } from './solve-pool.js';
export { solveInOrder } from './ordered-batch.js';
export { kindRegistry, type KindDefinition } from '../kinds.js';
export { highsVersion } from '../lp/highs.js';
export { compileHighs, type CompiledHighs } from '../lp/highs-runtime.js';
