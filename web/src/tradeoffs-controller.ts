// The trade-offs view: the frontier, the Blackwell winner of the target and the linear winner of
// the weights, solved as the target is dragged or typed and the weights slide.
import { post } from './api.js';
import { setThresholdInputs } from './controls.js';
import { debounce } from './debounce.js';
import { byId } from './dom.js';
import { send, showExchange } from './exchange.js';
import { createFrontierPlot } from './frontier-plot.js';
import type { BattleLog } from './input.js';
import { saveState } from './link.js';
import { formatSelect, normSelect, thresholdBox } from './page.js';
import { logFileName, rankRoute } from './rank-route.js';
import type { ParetoResult, RankResult, WinnerResult } from './results.js';
import { session, tickets } from './session.js';
import { clearError, showError, track } from './status.js';
import { showBlackwell, showLinear } from './tradeoffs-view.js';

const plot = createFrontierPlot(byId('frontier-plot'), (x, y, finished) => {
  if (!session.axes) return;
  session.thresholds = { ...session.thresholds, [session.axes[0]]: x, [session.axes[1]]: y };
  setThresholdInputs(thresholdBox, session.thresholds);
  redrawFrontier();
  if (finished) {
    resolveTarget();
    resolveTarget.flush();
  } else resolveTarget();
});

/** The target sent to the service: the document's target with the thresholds being edited. */
export function targetOf(): Record<string, unknown> {
  return { ...session.prepared!.targetRest, thresholds: { ...session.thresholds } };
}

/** The items and matrices every trade-offs document starts with. */
function baseDocument(): Record<string, unknown> {
  return {
    ...(session.prepared!.items ? { items: session.prepared!.items } : {}),
    criteria: session.prepared!.matrices,
  };
}

/**
 * The target of a log with several criteria: the Blackwell winner from `POST /v1/rank` with
 * the thresholds. A log gives counts, not the matrices the frontier is computed from, so the
 * plot shows the target and the winner's guarantees only.
 */
export async function solveLogTarget(): Promise<void> {
  const log = session.prepared!.input as BattleLog;
  const ticket = ++tickets.target;
  const route = rankRoute({
    format: formatSelect.value,
    thresholds: session.thresholds,
    norm: normSelect.value,
    bootstrap: 0,
  });
  const result = (await post(route, log.text, log.contentType)) as RankResult;
  if (ticket !== tickets.target) return;
  session.frontier = {
    kind: 'pareto',
    status: result.status,
    items: result.items,
    criteria: session.prepared!.criteria,
    exact: false,
    frontier: [],
  };
  session.blackwell = result.winner;
  session.linear = undefined;
  showExchange(log.text, result, { route, contentType: log.contentType, fileName: logFileName(log) });
  drawTradeoffs();
}

/** Solves the frontier with both winners (`POST /v1/pareto`) and draws the view. */
export async function solveFrontier(): Promise<void> {
  const ticket = ++tickets.target;
  ++tickets.weights;
  const document = {
    kind: 'pareto',
    ...baseDocument(),
    target: targetOf(),
    weights: session.weights,
    norm: normSelect.value,
  };
  const { body, result } = await send('/v1/pareto', document);
  if (ticket !== tickets.target) return;
  session.frontier = result as ParetoResult;
  session.blackwell = session.frontier.blackwell;
  session.linear = session.frontier.linear;
  showExchange(body, result, { route: '/v1/pareto', contentType: 'application/json', fileName: 'problem.json' });
  drawTradeoffs();
}

/** Redraws the plot: frontier, target and winners on the chosen axes. */
export function redrawFrontier(): void {
  if (!session.frontier || !session.axes) return;
  plot.draw({
    axes: session.axes,
    frontier: session.frontier.frontier.map((point) => point.guarantees),
    exact: session.frontier.criteria.length === 2,
    thresholds: session.thresholds,
    blackwell: session.blackwell?.guarantees,
    linear: session.linear?.guarantees,
  });
}

/** Draws the whole view: plot, caption, and the summaries and lotteries of both winners. */
function drawTradeoffs(): void {
  if (!session.frontier || !session.axes) return;
  byId('tradeoffs-empty').hidden = true;
  byId('tradeoffs').hidden = false;
  redrawFrontier();
  const k = session.frontier.criteria.length;
  const fromLog = session.prepared?.input.type === 'log';
  byId('frontier-caption').textContent = fromLog
    ? 'A battle log gives counts, not the preference matrices the frontier is computed from: the plot shows the target and the guarantees of the Blackwell winner of the log (POST /v1/rank). For the frontier, turn the log into a document (prefgame estimate FILE --format FORMAT > problem.json) and paste that.'
    : (k === 2
        ? `The exact Pareto frontier (${session.frontier.frontier.length} vertices): every point on or under the line is a pair of guarantees some lottery secures against every opponent.`
        : `A projection of the ${k}-criteria frontier (${session.frontier.frontier.length} vertices) onto ${session.axes[0]} and ${session.axes[1]}: the shaded region is what some lottery secures on these two criteria, whatever it gives up on the others.`) +
      ' Orange: the target (drag its corner). Diamond: Blackwell winner. Square: linear aggregation.';
  if (session.blackwell)
    showBlackwell(
      byId('blackwell-summary'),
      byId('blackwell-bars'),
      session.frontier.items,
      session.blackwell,
      session.thresholds,
    );
  byId('linear-heading').parentElement!.hidden = !session.linear;
  if (session.linear) showLinear(byId('linear-summary'), byId('linear-bars'), session.frontier.items, session.linear);
}

/**
 * Solves the Blackwell winner of the edited target (the log's rank, else `POST /v1/blackwell`)
 * and saves the link; a document's target waits until its frontier is drawn.
 */
export async function solveTarget(): Promise<void> {
  if (session.prepared?.input.type === 'log' && session.prepared.criteria.length >= 2) {
    clearError();
    try {
      await track(solveLogTarget(), 'Solving the target...');
    } catch (error) {
      showError(error);
    }
    await saveState();
    return;
  }
  if (!session.prepared?.matrices || session.prepared.criteria.length < 2 || !session.frontier) return;
  const ticket = ++tickets.target;
  clearError();
  const document = { kind: 'blackwell', ...baseDocument(), target: targetOf(), norm: normSelect.value };
  try {
    const { body, result } = await track(send('/v1/blackwell', document), 'Solving the target...');
    if (ticket !== tickets.target) return;
    session.blackwell = result as WinnerResult;
    showExchange(body, result, { route: '/v1/blackwell', contentType: 'application/json', fileName: 'problem.json' });
    drawTradeoffs();
  } catch (error) {
    if (ticket === tickets.target) showError(error);
  }
  await saveState();
}

/** Solves the linear winner of the edited weights (`POST /v1/linear`) once a frontier is drawn, and saves the link. */
export async function solveWeights(): Promise<void> {
  if (!session.prepared?.matrices || !session.frontier) return;
  const ticket = ++tickets.weights;
  clearError();
  const document = { kind: 'linear', ...baseDocument(), weights: session.weights };
  try {
    const { body, result } = await track(send('/v1/linear', document), 'Solving the weights...');
    if (ticket !== tickets.weights) return;
    session.linear = result as WinnerResult;
    showExchange(body, result, { route: '/v1/linear', contentType: 'application/json', fileName: 'problem.json' });
    drawTradeoffs();
  } catch (error) {
    if (ticket === tickets.weights) showError(error);
  }
  await saveState();
}

/** {@link solveTarget} once a burst of target edits settles. */
export const resolveTarget = debounce(() => void solveTarget(), 300);
/** {@link solveWeights} once a burst of weight edits settles. */
export const resolveWeights = debounce(() => void solveWeights(), 300);
