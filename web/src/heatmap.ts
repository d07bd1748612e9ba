import { svg } from './dom.js';

/** Colour of a win probability: red below 1/2, white at 1/2, blue above. */
export function colourOf(probability: number): string {
  const t = Math.max(-1, Math.min(1, (probability - 0.5) * 2));
  const white = [247, 247, 247];
  const end = t >= 0 ? [33, 102, 172] : [178, 24, 43];
  const mix = white.map((channel, index) => Math.round(channel + (end[index] - channel) * Math.abs(t)));
  return `rgb(${mix.join(',')})`;
}

/**
 * The win-rate heat map of a preference matrix (hand-drawn SVG): cell (i, j) is the probability
 * that row item i beats column item j, coloured around 1/2, with its value when the matrix is
 * small enough to read; `null` cells (pairs that never met) are left grey.
 *
 * @example
 * ```ts
 * container.replaceChildren(heatMap(['a', 'b'], [[0.5, 0.7], [0.3, 0.5]], 'helpfulness'))
 * ```
 */
export function heatMap(items: string[], matrix: Array<Array<number | null>>, criterion: string): SVGElement {
  const n = items.length;
  const cell = Math.max(14, Math.min(56, Math.floor(440 / Math.max(1, n))));
  const left = 110;
  const top = 70;
  const width = left + n * cell + 10;
  const height = top + n * cell + 10;
  const parts: SVGElement[] = [];
  items.forEach((item, index) => {
    parts.push(
      svg('text', { x: left - 6, y: top + index * cell + cell / 2 + 4, 'text-anchor': 'end', class: 'bar-label' }, [
        item,
      ]),
    );
    const cx = left + index * cell + cell / 2;
    parts.push(
      svg('text', { x: cx, y: top - 6, transform: `rotate(-45 ${cx} ${top - 6})`, class: 'bar-label' }, [item]),
    );
  });
  matrix.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value === null) {
        const title = i === j ? items[i] : `${items[i]} and ${items[j]} never met`;
        parts.push(
          svg('g', {}, [
            svg('rect', {
              x: left + j * cell,
              y: top + i * cell,
              width: cell - 1,
              height: cell - 1,
              class: 'cell-empty',
            }),
            svg('title', {}, [title]),
          ]),
        );
        return;
      }
      const colour = colourOf(value);
      const strong = Math.abs(value - 0.5) > 0.3;
      const parts2: SVGElement[] = [
        svg('rect', { x: left + j * cell, y: top + i * cell, width: cell - 1, height: cell - 1, fill: colour }),
        svg('title', {}, [
          i === j ? `${items[i]}` : `${items[i]} beats ${items[j]} with probability ${value.toFixed(3)}`,
        ]),
      ];
      if (cell >= 34)
        parts2.push(
          svg(
            'text',
            {
              x: left + j * cell + cell / 2,
              y: top + i * cell + cell / 2 + 4,
              'text-anchor': 'middle',
              class: strong ? 'cell-text light' : 'cell-text',
            },
            [value.toFixed(2)],
          ),
        );
      parts.push(svg('g', {}, parts2));
    }),
  );
  const label = `Win rates on ${criterion}: row item beats column item with this probability`;
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'heatmap', role: 'img', 'aria-label': label }, [
    svg('title', {}, [label]),
    ...parts,
  ]);
}
