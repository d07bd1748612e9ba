// Preparing the input for the views: the document's criteria and matrices (estimated from
// comparisons when needed), or a log's criteria from a quick rank, and the controls for them.
import { post } from './api.js';
import { fillSelect, showWeightShares, thresholdInputs, weightSliders } from './controls.js';
import { send } from './exchange.js';
import { readInput, type BattleLog, type PreferenceData } from './input.js';
import {
  axesFieldset,
  axisX,
  axisY,
  criterionSelect,
  formatSelect,
  normSelect,
  tabs,
  targetPanel,
  thresholdBox,
  weightBox,
} from './page.js';
import { rankRoute } from './rank-route.js';
import type { EstimateResult, RankResult } from './results.js';
import { session, type Matrices, type Prepared } from './session.js';
import type { ViewState } from './state.js';
import { redrawFrontier, resolveTarget, resolveWeights, targetOf } from './tradeoffs-controller.js';

/** Reads the input; estimates matrices from comparisons when the trade-off view needs them. */
// eslint-disable-next-line @typescript-eslint/require-await -- async so that a bad input rejects like a failed solve
export async function prepare(text: string, saved?: ViewState): Promise<Prepared> {
  const read = readInput(text);
  if (read.type !== 'document') return { input: read, criteria: [], targetRest: {} };
  const document = read.document;
  const target = (document.target ?? {}) as Record<string, unknown>;
  const { thresholds: givenThresholds, ...targetRest } = target as { thresholds?: Record<string, number> };
  const givenWeights = (document.weights ?? {}) as Record<string, number>;
  // A link's values first, then the ones being edited (same criteria), then the document's.
  session.thresholds = Object.fromEntries(
    read.criteria.map((name) => [
      name,
      saved?.thresholds[name] ?? session.thresholds[name] ?? givenThresholds?.[name] ?? 0.5,
    ]),
  );
  session.weights = Object.fromEntries(
    read.criteria.map((name) => [name, saved?.weights[name] ?? session.weights[name] ?? givenWeights[name] ?? 1]),
  );
  normSelect.value = saved?.norm ?? (typeof document.norm === 'string' ? document.norm : 'linf');
  return { input: read, items: read.items, criteria: read.criteria, matrices: read.matrices, targetRest };
}

/** The matrices of comparisons, estimated by the service (`POST /v1/estimate`, no bootstrap). */
export async function estimateMatrices(data: PreferenceData): Promise<{ items: string[]; matrices: Matrices }> {
  const document = {
    kind: 'estimate',
    ...(data.items ? { items: data.items } : {}),
    comparisons: data.comparisons,
    winner: 'blackwell',
    target: targetOf(),
    bootstrap: { rounds: 0 },
  };
  const { result } = await send('/v1/estimate', document);
  const estimate = result as EstimateResult;
  return { items: estimate.items, matrices: estimate.criteria };
}

/** Builds the controls of the prepared criteria: thresholds, weights, axes and criterion. */
export function buildControls(): void {
  const criteria = session.prepared!.criteria;
  const several = criteria.length >= 2;
  targetPanel.hidden = !several || session.view !== 'tradeoffs';
  tabs.tradeoffs.disabled = !several;
  thresholdBox.replaceChildren(
    ...thresholdInputs(criteria, session.thresholds, (name, value) => {
      session.thresholds = { ...session.thresholds, [name]: value };
      redrawFrontier();
      resolveTarget();
    }),
  );
  weightBox.replaceChildren(
    ...weightSliders(criteria, session.weights, (name, value) => {
      session.weights = { ...session.weights, [name]: value };
      showWeightShares(weightBox, session.weights);
      resolveWeights();
    }),
  );
  showWeightShares(weightBox, session.weights);
  weightBox.closest('fieldset')!.hidden = session.prepared!.input.type === 'log';
  axesFieldset.hidden = criteria.length < 3;
  if (
    !session.axes ||
    !criteria.includes(session.axes[0]) ||
    !criteria.includes(session.axes[1]) ||
    session.axes[0] === session.axes[1]
  )
    session.axes = several ? [criteria[0], criteria[1]] : undefined;
  fillSelect(axisX, criteria, session.axes?.[0]);
  fillSelect(axisY, criteria, session.axes?.[1]);
  fillSelect(criterionSelect, criteria, criterionSelect.value || criteria[0]);
  criterionSelect.disabled = criteria.length < 2;
}

/** Learns a log's criteria from a quick rank (no bootstrap), then builds the controls for them. */
export async function prepareLog(log: BattleLog, saved?: ViewState): Promise<void> {
  const result = (await post(
    rankRoute({ format: formatSelect.value, bootstrap: 0 }),
    log.text,
    log.contentType,
  )) as RankResult;
  const criteria = result.criteria ?? [];
  session.prepared = { input: log, items: result.items, criteria, targetRest: {} };
  session.thresholds = Object.fromEntries(
    criteria.map((name) => [name, saved?.thresholds[name] ?? session.thresholds[name] ?? 0.5]),
  );
  session.weights = {};
  buildControls();
  if (saved?.criterion && criteria.includes(saved.criterion)) criterionSelect.value = saved.criterion;
}
