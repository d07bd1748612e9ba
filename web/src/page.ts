// The playground page's elements that the controllers read and fill.
import { byId } from './dom.js';
import type { SingleTargets } from './single-view.js';

/** The text area holding the problem document or battle log. */
export const input = byId<HTMLTextAreaElement>('problem-input');
export const exampleSelect = byId<HTMLSelectElement>('example');
/** The battle-log format (`auto` or a format name). */
export const formatSelect = byId<HTMLSelectElement>('log-format');
export const solveButton = byId<HTMLButtonElement>('solve');
export const statusLine = byId('status');
export const errorBox = byId('error');
export const showErrorButton = byId<HTMLButtonElement>('show-error');
/** The target and weights panel, shown in the trade-offs view with several criteria. */
export const targetPanel = byId('target-panel');
export const thresholdBox = byId('thresholds');
export const normSelect = byId<HTMLSelectElement>('norm');
export const axesFieldset = byId('axes-fieldset');
export const axisX = byId<HTMLSelectElement>('axis-x');
export const axisY = byId<HTMLSelectElement>('axis-y');
export const weightBox = byId('weights');
export const tabs = {
  tradeoffs: byId<HTMLButtonElement>('tab-tradeoffs'),
  single: byId<HTMLButtonElement>('tab-single'),
};
export const panels = { tradeoffs: byId('view-tradeoffs'), single: byId('view-single') };
/** The criterion of the one-criterion view. */
export const criterionSelect = byId<HTMLSelectElement>('criterion');
/** The results section, `aria-busy` while a request is in flight. */
export const results = byId('results-heading').parentElement!;
/** Where the one-criterion view draws. */
export const singleTargets: SingleTargets = {
  leaderboard: byId('leaderboard'),
  summary: byId('vnw-summary'),
  bars: byId('vnw-bars'),
  heatmap: byId('heatmap'),
};
