import { html } from './dom.js';

/** A criterion name made safe for an element id (the test id keeps the name itself). */
export function idOf(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * One labelled number input per criterion (`data-testid="threshold-<name>"`), in [0, 1] with
 * steps of 0.01 (the arrow keys move them). `onChange(name, value)` hears every valid edit.
 */
export function thresholdInputs(
  criteria: string[],
  values: Record<string, number>,
  onChange: (name: string, value: number) => void,
): HTMLElement[] {
  return criteria.map((name) => {
    const id = idOf('threshold', name);
    const input = html('input', {
      type: 'number',
      id,
      min: 0,
      max: 1,
      step: 0.01,
      value: String(values[name]),
      'data-testid': `threshold-${name}`,
      inputmode: 'decimal',
    });
    input.addEventListener('input', () => {
      const value = input.valueAsNumber;
      if (Number.isFinite(value) && value >= 0 && value <= 1) onChange(name, value);
    });
    return html('div', { class: 'threshold' }, [html('label', { for: id }, [name]), input]);
  });
}

/** Writes values into the threshold inputs (after a drag of the target corner). */
export function setThresholdInputs(container: HTMLElement, values: Record<string, number>): void {
  for (const input of container.querySelectorAll<HTMLInputElement>('input[data-testid^="threshold-"]')) {
    const name = input.dataset.testid!.slice('threshold-'.length);
    if (values[name] !== undefined) input.value = String(Number(values[name].toFixed(3)));
  }
}

/**
 * One labelled slider per criterion for the weights of linear aggregation, each with its
 * normalised share shown beside it. `onChange(name, value)` hears every move.
 */
export function weightSliders(
  criteria: string[],
  values: Record<string, number>,
  onChange: (name: string, value: number) => void,
): HTMLElement[] {
  return criteria.map((name) => {
    const id = idOf('weight', name);
    const input = html('input', {
      type: 'range',
      id,
      min: 0,
      max: 1,
      step: 0.05,
      value: String(values[name]),
      'data-testid': `weight-${name}`,
    });
    const share = html('output', { for: id, class: 'weight-share' });
    input.addEventListener('input', () => onChange(name, input.valueAsNumber));
    return html('div', { class: 'weight' }, [html('label', { for: id }, [name]), input, share]);
  });
}

/** Writes the normalised weights beside the sliders. */
export function showWeightShares(container: HTMLElement, values: Record<string, number>): void {
  const total = Object.values(values).reduce((sum, value) => sum + value, 0);
  for (const output of container.querySelectorAll<HTMLOutputElement>('output.weight-share')) {
    const input = output.previousElementSibling as HTMLInputElement;
    const name = input.dataset.testid!.slice('weight-'.length);
    output.value = total > 0 ? `${((100 * values[name]) / total).toFixed(0)}%` : '-';
  }
}

/** Fills a select with options (value = label = name) and selects one. */
export function fillSelect(select: HTMLSelectElement, names: string[], selected: string | undefined): void {
  select.replaceChildren(...names.map((name) => html('option', { value: name }, [name])));
  if (selected !== undefined && names.includes(selected)) select.value = selected;
}
