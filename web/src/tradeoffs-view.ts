import { fillSummary } from './dom.js';
import { barChart } from './bars.js';
import { decimal, small } from './format.js';
import type { WinnerResult } from './results.js';

/** The items of a lottery as bars, in the items' order. */
export function lotteryBars(items: string[], distribution: number[]) {
  return items.map((item, index) => ({ item, probability: distribution[index] ?? 0 }));
}

/** Certificate as "[lower, upper] (gap g)". */
export function certificateText(result: WinnerResult): string {
  const { lowerBound, upperBound, gap } = result.certificate;
  return `optimum in [${decimal(lowerBound, 6)}, ${decimal(upperBound, 6)}], gap ${small(gap)}`;
}

/** Shows the Blackwell winner: distance to the target, certificate, guarantees vs thresholds, lottery. */
export function showBlackwell(
  summary: HTMLElement,
  bars: HTMLElement,
  items: string[],
  result: WinnerResult,
  thresholds: Record<string, number>,
): void {
  const guarantees = result.guarantees ?? {};
  fillSummary(summary, [
    ['Status', result.status],
    [`Distance to the target (${result.norm ?? 'linf'})`, decimal(result.value, 4)],
    ['Certificate', certificateText(result)],
    ...Object.keys(guarantees).map((name): [string, string] => {
      const shortfall = Math.max(0, (thresholds[name] ?? 0) - guarantees[name]);
      return [
        `Guarantee on ${name}`,
        `${decimal(guarantees[name])} (target ${decimal(thresholds[name])}${shortfall > 1e-9 ? `, short by ${decimal(shortfall)}` : ', met'})`,
      ];
    }),
  ]);
  bars.replaceChildren(barChart(lotteryBars(items, result.distribution), 'Blackwell winner: probability of each item'));
}

/** Shows the linear-aggregation winner: weights, value, certificate, guarantees, lottery. */
export function showLinear(summary: HTMLElement, bars: HTMLElement, items: string[], result: WinnerResult): void {
  const guarantees = result.guarantees ?? {};
  const weights = result.weights ?? {};
  fillSummary(summary, [
    ['Status', result.status],
    [
      'Weights (normalised)',
      Object.entries(weights)
        .map(([name, weight]) => `${name} ${decimal(weight, 2)}`)
        .join(', '),
    ],
    ['Value (weighted win probability)', decimal(result.value, 4)],
    ['Certificate', certificateText(result)],
    ...Object.keys(guarantees).map((name): [string, string] => [`Guarantee on ${name}`, decimal(guarantees[name])]),
  ]);
  bars.replaceChildren(
    barChart(lotteryBars(items, result.distribution), 'Linear-aggregation winner: probability of each item'),
  );
}
