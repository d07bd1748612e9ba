// The Solve button and the tabs: prepare the input, choose the view, solve what it shows.
import { fillSelect } from './controls.js';
import { byId } from './dom.js';
import { send, showExchange } from './exchange.js';
import { saveState } from './link.js';
import { criterionSelect, input, panels, tabs, targetPanel } from './page.js';
import { buildControls, estimateMatrices, prepare, prepareLog } from './prepare.js';
import { session, tickets } from './session.js';
import { runSingle, solveSingle } from './single-controller.js';
import type { ViewState } from './state.js';
import { clearError, showError, track } from './status.js';
import { solveFrontier, solveLogTarget, solveTarget } from './tradeoffs-controller.js';

/** The Solve button: read, prepare, then solve the current view. */
export async function solveAll(saved?: ViewState): Promise<void> {
  const ticket = ++tickets.all;
  clearError();
  const text = input.value;
  try {
    await track(
      (async () => {
        session.prepared = await prepare(text, saved);
        session.frontier = session.blackwell = session.linear = undefined;
        clearViews();
        if (saved?.axes) session.axes = saved.axes;
        if (saved?.criterion) fillSelect(criterionSelect, session.prepared.criteria, saved.criterion);
        buildControls();
        if (saved?.criterion) criterionSelect.value = saved.criterion;
        const kind = session.prepared.input;
        if (kind.type === 'other') {
          const { body, result } = await send('/v1/solve', kind.document);
          if (ticket !== tickets.all) return;
          showExchange(body, result, { route: '/v1/solve', contentType: 'application/json', fileName: 'problem.json' });
          for (const note of ['tradeoffs-empty', 'single-empty'])
            byId(note).textContent =
              `The playground draws preferences; this ${String(kind.document.kind)} document was solved as it is: its result is under Keep and share.`;
          return;
        }
        if (kind.type === 'log') {
          await prepareLog(kind, saved);
          if (ticket !== tickets.all) return;
          chooseView(saved);
          if (session.view === 'tradeoffs') await solveLogTarget();
          else await solveSingle();
          return;
        }
        chooseView(saved);
        if (kind.comparisons && !session.prepared.matrices && session.prepared.criteria.length >= 2) {
          const estimated = await estimateMatrices(kind);
          if (ticket !== tickets.all) return;
          session.prepared.items = estimated.items;
          session.prepared.matrices = estimated.matrices;
        }
        if (session.view === 'tradeoffs') await solveFrontier();
        else await solveSingle();
      })(),
      'Solving...',
    );
  } catch (error) {
    if (ticket === tickets.all) {
      showError(error, text);
      for (const note of ['tradeoffs-empty', 'single-empty'])
        byId(note).textContent = 'No result: the error is shown beside the input.';
    }
  }
  if (ticket === tickets.all) await saveState();
}

/** Hides the last data's pictures until the new data's are drawn. */
function clearViews(): void {
  byId('tradeoffs').hidden = true;
  byId('single').hidden = true;
  byId('tradeoffs-empty').hidden = false;
  byId('single-empty').hidden = false;
  byId('tradeoffs-empty').textContent = 'Solving...';
  byId('single-empty').textContent = 'Solving...';
}

/** The view for new data: the link's, else one criterion when there is one, else the user's tab. */
function chooseView(saved?: ViewState): void {
  if (session.prepared!.criteria.length < 2) setView('single', false);
  else if (saved) setView(saved.view, false);
  else if (!session.viewChosen) setView('tradeoffs', false);
}

/** Shows a view; with `solve`, solves it for the prepared input (or solves all when it cannot). */
export function setView(next: 'tradeoffs' | 'single', solve: boolean): void {
  session.view = next;
  for (const name of ['tradeoffs', 'single'] as const) {
    tabs[name].setAttribute('aria-selected', String(name === next));
    tabs[name].tabIndex = name === next ? 0 : -1;
    panels[name].hidden = name !== next;
  }
  // The target and the weights belong to the several-criteria view.
  targetPanel.hidden = next !== 'tradeoffs' || !session.prepared || session.prepared.criteria.length < 2;
  if (!solve || !session.prepared) return;
  if (next === 'single') void runSingle();
  else if (session.prepared.input.type === 'log' && session.prepared.criteria.length >= 2) void solveTarget();
  else if (session.prepared.matrices && session.prepared.criteria.length >= 2) {
    clearError();
    void track(solveFrontier(), 'Solving...').catch(showError).then(saveState);
  } else void solveAll();
}
