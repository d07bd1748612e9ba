// The playground page's entry: wires the page's controls to the controllers, then opens the link or an example.
import { byId } from './dom.js';
import { downloadProblem, downloadResult } from './exchange.js';
import { saveState } from './link.js';
import {
  axisX,
  axisY,
  criterionSelect,
  exampleSelect,
  input,
  normSelect,
  solveButton,
  statusLine,
  tabs,
} from './page.js';
import { loadExample, restore } from './restore.js';
import { session } from './session.js';
import { runSingle } from './single-controller.js';
import { setView, solveAll } from './solving.js';
import { showError } from './status.js';
import { redrawFrontier, resolveTarget } from './tradeoffs-controller.js';

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
