// What the page says while it works: the status line, the busy results, the error box.
import { createErrorView } from './error-view.js';
import { errorBox, input, results, showErrorButton, solveButton, statusLine } from './page.js';

let busy = 0;

const errors = createErrorView(input, errorBox, showErrorButton);

/** Empties the error box. */
export const clearError = () => errors.clear();

/** Shows an error beside the input; `sentText` is the input text the failed request was made from. */
export const showError = (error: unknown, sentText?: string) => errors.show(error, sentText);

/**
 * Awaits `work` with `label` in the status line and the results marked busy; the last piece of
 * work to finish says "Done". The Solve button is disabled while a solve runs.
 */
export async function track<T>(work: Promise<T>, label: string): Promise<T> {
  busy++;
  results.setAttribute('aria-busy', 'true');
  statusLine.textContent = label;
  solveButton.disabled = busy > 0 && label.startsWith('Solving');
  try {
    return await work;
  } finally {
    busy--;
    if (busy === 0) {
      results.setAttribute('aria-busy', 'false');
      statusLine.textContent = 'Done';
      solveButton.disabled = false;
    }
  }
}
