import { svg } from './dom.js';
import { decimal, percent } from './format.js';
import { linearScale } from './scale.js';

/** One item's bar: its probability in the lottery, optionally with bootstrap statistics. */
export interface Bar {
  item: string;
  probability: number;
  /** Share of bootstrap resamples whose winner gives the item positive probability. */
  supportFrequency?: number;
  /** Percentile interval of the probability over the resamples. */
  lower?: number;
  upper?: number;
}

/**
 * A horizontal bar chart of a lottery (hand-drawn SVG): one row per item, the probability as a
 * bar with its value, and when bootstrap statistics are given the support frequency as a thin
 * bar under it and the probability's interval as a whisker.
 *
 * @example
 * ```ts
 * container.replaceChildren(barChart([{ item: 'a', probability: 0.6 }, { item: 'b', probability: 0.4 }], 'Blackwell winner'))
 * ```
 */
export function barChart(bars: Bar[], label: string): SVGElement {
  const rowHeight = 30;
  const withBootstrap = bars.some((bar) => bar.supportFrequency !== undefined);
  const labelWidth = 90;
  const width = 400;
  const height = bars.length * rowHeight + (withBootstrap ? 44 : 28);
  const x = linearScale([0, 1], [labelWidth, width - 70]);
  const rows = bars.map((bar, index) => {
    const top = 8 + index * rowHeight;
    const parts: SVGElement[] = [
      svg('text', { x: labelWidth - 8, y: top + 14, 'text-anchor': 'end', class: 'bar-label' }, [bar.item]),
      svg('rect', { x: x(0), y: top + 3, width: Math.max(0, x(bar.probability) - x(0)), height: 14, class: 'bar' }),
      svg('text', { x: x(bar.probability) + 6, y: top + 14, class: 'bar-value' }, [decimal(bar.probability)]),
    ];
    if (bar.supportFrequency !== undefined)
      parts.push(
        svg('rect', {
          x: x(0),
          y: top + 19,
          width: Math.max(0, x(bar.supportFrequency) - x(0)),
          height: 5,
          class: 'bar-frequency',
        }),
      );
    if (bar.lower !== undefined && bar.upper !== undefined && bar.upper > bar.lower) {
      parts.push(svg('line', { x1: x(bar.lower), x2: x(bar.upper), y1: top + 10, y2: top + 10, class: 'whisker' }));
    }
    const detail =
      bar.supportFrequency === undefined
        ? ''
        : `; in the support of ${percent(bar.supportFrequency)} of bootstrap winners`;
    parts.push(svg('title', {}, [`${bar.item}: probability ${decimal(bar.probability)}${detail}`]));
    return svg('g', {}, parts);
  });
  const legend = withBootstrap
    ? [
        svg('text', { x: 8, y: height - 22, class: 'legend-text' }, [
          'bar: probability; orange line: its bootstrap interval',
        ]),
        svg('text', { x: 8, y: height - 6, class: 'legend-text' }, [
          'thin grey bar: share of bootstrap winners using the item',
        ]),
      ]
    : [svg('text', { x: 8, y: height - 6, class: 'legend-text' }, ['probability of each item in the lottery'])];
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bars', role: 'img', 'aria-label': label }, [
    svg('title', {}, [label]),
    ...rows,
    ...legend,
  ]);
}
