// The page's link: the URL hash kept in step with the view, so that it reopens the same view.
import { criterionSelect, formatSelect, input, normSelect } from './page.js';
import { session } from './session.js';
import { maxHashLength, packText, writeHash, type ViewState } from './state.js';

/**
 * Writes the view into the URL hash (replacing the history entry): a bundled example by name,
 * other input packed when the hash stays short enough, else left out.
 */
export async function saveState(): Promise<void> {
  const fromExample = session.exampleText !== undefined && session.exampleText.text === input.value;
  const state: ViewState = {
    example: fromExample ? session.exampleText!.name : undefined,
    view: session.view,
    thresholds: session.thresholds,
    weights: session.weights,
    norm: normSelect.value,
    axes: session.axes,
    criterion: criterionSelect.value || undefined,
    format: formatSelect.value,
  };
  try {
    const packed = fromExample || input.value === '' ? undefined : await packText(input.value);
    let hash = await writeHash(state, packed);
    if (hash.length > maxHashLength) hash = await writeHash(state);
    history.replaceState(null, '', `#${hash}`);
  } catch {
    // Without CompressionStream the link carries the view but not the text.
  }
}
