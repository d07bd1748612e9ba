// The worker-thread entry point of the solve pool: plain data in, plain data out (errors as
// data, since class instances do not cross threads).
import { toErrorDetail, type ErrorDetail } from '../errors.js';
import { solveLine, type BatchOutput } from '../batch.js';
import { solve, type SolveConfig } from '../solve.js';
import type { AnyResultDocument } from '../schema/kinds.js';
import { defaultLimits } from '../limits.js';
import { parseDocument } from '../parse-document.js';
import { warmUpProblems } from '../warm-up.js';
import { workerData } from 'node:worker_threads';
import { loadHighs, useHighsModule } from '../lp/highs-runtime.js';

// HiGHS is loaded before this worker takes its first task, so no task's time limit pays for it;
// from the pool's compiled module when it sent one (no second compile, and code that V8 compiles
// or optimises for one worker serves them all), else compiled here off the worker's thread.
useHighsModule((workerData as { highsModule?: unknown } | null)?.highsModule);
await loadHighs();
import type { RankMediaType } from '../rank/rank-settings.js';
import type { RankResultDocument, RankSettingsDocument } from '../schema/rank.js';

/** Work for one worker: a problem document, a request body (JSON bytes), or one line of an NDJSON batch. */
export type PoolTask =
  | { type: 'solve'; document: unknown; config: SolveConfig }
  | { type: 'request'; body: Uint8Array; kind?: string; config: SolveConfig }
  | { type: 'line'; line: string | Uint8Array; lineNumber: number; config: SolveConfig }
  | { type: 'rank'; body: Uint8Array; mediaType: RankMediaType; settings: RankSettingsDocument; config: SolveConfig }
  | { type: 'warm-up' };

/** What a worker sends back for a `solve` task. */
export type SolveAnswer = { ok: true; result: AnyResultDocument } | { ok: false; error: ErrorDetail };

/** What a worker sends back for a `rank` task. */
export type RankAnswer = { ok: true; result: RankResultDocument } | { ok: false; error: ErrorDetail };

/** Ranks a `POST /v1/rank` body; the rank code loads on the first such task, not at worker start. */
async function rankTask(task: Extract<PoolTask, { type: 'rank' }>): Promise<RankAnswer> {
  try {
    const { rankRequest } = await import('../rank/rank-request.js');
    const limits = { ...defaultLimits, ...task.config.limits, deadline: task.config.deadline };
    return { ok: true, result: rankRequest(task.body, task.mediaType, task.settings, limits) };
  } catch (error) {
    return { ok: false, error: toErrorDetail(error) };
  }
}

/**
 * Runs one pool task.
 *
 * @example
 * ```ts
 * import run from './worker.js'
 * const answer = run({ type: 'solve', document: { kind: 'von-neumann', preferences: [[0.5]] }, config: {} })
 * // { ok: true, result: { kind: 'von-neumann', status: 'optimal', ... } }
 * ```
 */
export default function run(task: PoolTask): SolveAnswer | Promise<RankAnswer> | BatchOutput | true {
  switch (task.type) {
    case 'solve':
    case 'request':
      try {
        const document = task.type === 'solve' ? task.document : parseDocument(task.body, task.kind);
        return { ok: true, result: solve(document, task.config) };
      } catch (error) {
        return { ok: false, error: toErrorDetail(error) };
      }
    case 'line':
      return solveLine(task.line, task.lineNumber, task.config);
    case 'rank':
      return rankTask(task);
    case 'warm-up':
      // Through the same path as a request body (bytes parsed here), so that it is compiled too.
      for (const problem of warmUpProblems()) solve(parseDocument(new TextEncoder().encode(JSON.stringify(problem))));
      return true;
  }
}
