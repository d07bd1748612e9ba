// The playground page: reads the input, asks the service, draws the answers, keeps the URL in step.
import { fillSelect } from './controls.js';
import { byId } from './dom.js';
import { downloadProblem, downloadResult, send, showExchange } from './exchange.js';
import {
  axisX,
  axisY,
  criterionSelect,
  exampleSelect,
  formatSelect,
  input,
  normSelect,
  panels,
  solveButton,
  statusLine,
  tabs,
  targetPanel,
} from './page.js';
import { saveState } from './link.js';
import { session, tickets } from './session.js';
import { runSingle, solveSingle } from './single-controller.js';
import { readHash, type ViewState } from './state.js';
import { clearError, showError, track } from './status.js';
import { buildControls, estimateMatrices, prepare, prepareLog } from './prepare.js';
import { redrawFrontier, resolveTarget, solveFrontier, solveLogTarget, solveTarget } from './tradeoffs-controller.js';

// ---- solving ---------------------------------------------------------------------------

/** The Solve button: read, prepare, then solve the current view. */
async function solveAll(saved?: ViewState): Promise<void> {
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

// ---- views, URL state ------------------------------------------------------------------

function setView(next: 'tradeoffs' | 'single', solve: boolean): void {
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

/** Puts a bundled example in the input; `unlessTyped`: not over text typed meanwhile. */
async function loadExample(name: string, unlessTyped = false): Promise<void> {
  const ticket = ++tickets.example;
  const response = await fetch(`/playground/examples/${encodeURIComponent(name)}`);
  if (!response.ok) throw new Error(`could not load the example ${name} (${response.status})`);
  const text = await response.text();
  if (ticket !== tickets.example || (unlessTyped && input.value !== '')) return;
  input.value = text;
  session.exampleText = { name, text };
  session.thresholds = {};
  session.weights = {};
  exampleSelect.value = name;
  clearError();
  statusLine.textContent = `Loaded ${name}: press Solve`;
}

async function restore(): Promise<void> {
  const saved = await readHash(location.hash);
  if (!saved) {
    await loadExample(exampleSelect.value, true);
    return;
  }
  if (saved.example) await loadExample(saved.example);
  else if (saved.source !== undefined) input.value = saved.source;
  if (saved.format) formatSelect.value = saved.format;
  session.axes = saved.axes;
  setView(saved.view, false);
  await solveAll(saved);
}

// ---- wiring ----------------------------------------------------------------------------

solveButton.addEventListener('click', () => void solveAll());
byId('load-example').addEventListener('click', () => void loadExample(exampleSelect.value).catch(showError));
normSelect.addEventListener('change', () => {
  resolveTarget();
  resolveTarget.flush();
});
for (const select of [axisX, axisY]) {
  select.addEventListener('change', () => {
    session.axes = [axisX.value, axisY.value];
    redrawFrontier();
    void saveState();
  });
}
criterionSelect.addEventListener('change', () => {
  if (session.view === 'single') void runSingle();
});
for (const name of ['tradeoffs', 'single'] as const) {
  tabs[name].addEventListener('click', () => {
    session.viewChosen = true;
    setView(name, true);
  });
  tabs[name].addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const other = name === 'tradeoffs' ? 'single' : 'tradeoffs';
    if (tabs[other].disabled) return;
    session.viewChosen = true;
    tabs[other].focus();
    setView(other, true);
  });
}
input.addEventListener('dragover', (event) => event.preventDefault());
input.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  file.text().then((text) => {
    input.value = text;
    session.exampleText = undefined;
    statusLine.textContent = `Loaded ${file.name}: press Solve`;
  }, showError);
});

byId('download-problem').addEventListener('click', () => downloadProblem());
byId('download-result').addEventListener('click', () => downloadResult());
byId('copy-link').addEventListener('click', () => {
  saveState()
    .then(() => navigator.clipboard.writeText(location.href))
    .then(
      () => (statusLine.textContent = 'Link copied'),
      () => (statusLine.textContent = 'Copy the address from the address bar'),
    );
});
window.addEventListener('hashchange', () => void restore().catch(showError));
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  showError(event.reason);
});

restore().catch(showError);
