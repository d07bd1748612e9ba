// What the page opens with: the view a link carries, or a bundled example.
import { exampleSelect, formatSelect, input, statusLine } from './page.js';
import { session, tickets } from './session.js';
import { setView, solveAll } from './solving.js';
import { readHash } from './state.js';
import { clearError } from './status.js';

/** Puts a bundled example in the input; `unlessTyped`: not over text typed meanwhile. */
export async function loadExample(name: string, unlessTyped = false): Promise<void> {
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

/** Opens the view the URL hash carries, else loads the chosen example unless text was typed. */
export async function restore(): Promise<void> {
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
