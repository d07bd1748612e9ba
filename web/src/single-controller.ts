// The one-criterion view: leaderboard, von Neumann winner and heat map of the chosen criterion.
import { post } from './api.js';
import type { SentRequest } from './commands.js';
import { byId } from './dom.js';
import { send, showExchange } from './exchange.js';
import { saveState } from './link.js';
import { criterionSelect, formatSelect, singleTargets } from './page.js';
import { logFileName, rankRoute } from './rank-route.js';
import type { EstimateResult, RankResult, WinnerResult } from './results.js';
import { session, tickets } from './session.js';
import { showEstimate, showMatrixWinner, showRank } from './single-view.js';
import { clearError, showError, track } from './status.js';

/**
 * Solves and draws the chosen criterion: a log through `POST /v1/rank`, comparisons through
 * `POST /v1/estimate`, a matrix through `POST /v1/von-neumann`.
 */
export async function solveSingle(): Promise<void> {
  if (!session.prepared) return;
  const ticket = ++tickets.single;
  const data = session.prepared.input;
  const criterion = criterionSelect.value;
  const show = (body: string, result: unknown, request: SentRequest) => {
    if (ticket !== tickets.single) return false;
    showExchange(body, result, request);
    byId('single-empty').hidden = true;
    byId('single').hidden = false;
    return true;
  };
  if (data.type === 'log') {
    const route = rankRoute({
      format: formatSelect.value,
      criterion: session.prepared.criteria.length > 1 ? criterion : undefined,
      bootstrap: 100,
    });
    const result = (await post(route, data.text, data.contentType)) as RankResult;
    if (show(data.text, result, { route, contentType: data.contentType, fileName: logFileName(data) }))
      showRank(singleTargets, result, result.criterion ?? criterion);
    return;
  }
  if (data.type !== 'document') return;
  if (data.comparisons) {
    const several = session.prepared.criteria.length > 1;
    const document = {
      kind: 'estimate',
      ...(session.prepared.items ? { items: session.prepared.items } : {}),
      comparisons: data.comparisons,
      ...(several ? { criterion } : {}),
      winner: 'von-neumann',
      bootstrap: { rounds: 100, seed: 1 },
      rankings: { methods: ['bradley-terry'], rounds: 100, seed: 1 },
    };
    const { body, result } = await send('/v1/estimate', document);
    if (show(body, result, { route: '/v1/estimate', contentType: 'application/json', fileName: 'problem.json' }))
      showEstimate(singleTargets, result as EstimateResult, criterion);
    return;
  }
  const matrix = session.prepared.matrices?.find((entry) => entry.name === criterion) ?? session.prepared.matrices?.[0];
  if (!matrix) return;
  const document = {
    kind: 'von-neumann',
    ...(session.prepared.items ? { items: session.prepared.items } : {}),
    preferences: matrix.preferences,
  };
  const { body, result } = await send('/v1/von-neumann', document);
  const winner = result as WinnerResult;
  if (show(body, result, { route: '/v1/von-neumann', contentType: 'application/json', fileName: 'problem.json' }))
    showMatrixWinner(singleTargets, winner.items ?? [], winner, matrix.preferences, matrix.name);
}

/** {@link solveSingle} with the status line and error box, then saves the link. */
export async function runSingle(): Promise<void> {
  clearError();
  try {
    await track(solveSingle(), 'Solving...');
  } catch (error) {
    showError(error);
  }
  await saveState();
}
