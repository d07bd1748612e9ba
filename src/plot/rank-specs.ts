import type { EstimateResultDocument } from '../schema/estimate.js';
import type { RankResultDocument } from '../schema/rank.js';
import type { VegaLiteSpec } from './vega-lite-spec.js';

/**
 * Vega-Lite specifications of the pictures of `rank` and `estimate` results: the leaderboard
 * with its intervals, the win-rate matrix as a heat map, and the winner's lottery beside its
 * bootstrap support frequencies. Plain JSON built from the result documents alone.
 */

const schema = 'https://vega.github.io/schema/vega-lite/v6.json';

/** One line of a leaderboard picture: an item, its rating and (when known) its interval. */
export interface RatedItem {
  item: string;
  rating: number;
  lower?: number;
  upper?: number;
}

/**
 * The leaderboard as a dot plot: one row per item, best on top, the rating as a dot and its
 * interval as a bar.
 *
 * @example
 * ```ts
 * const spec = leaderboardSpec([{ item: 'atlas', rating: 1125, lower: 1107, upper: 1143 }], 'Leaderboard', '95% intervals')
 * assert.deepEqual(spec.title, { text: 'Leaderboard', subtitle: '95% intervals' })
 * ```
 */
export function leaderboardSpec(entries: readonly RatedItem[], title: string, subtitle: string): VegaLiteSpec {
  const order = [...entries].sort((a, b) => b.rating - a.rating).map((entry) => entry.item);
  const values = entries.map((entry) => ({
    ...entry,
    lower: entry.lower ?? entry.rating,
    upper: entry.upper ?? entry.rating,
  }));
  const y = { field: 'item', type: 'nominal', sort: order, title: null };
  const x = { type: 'quantitative', scale: { zero: false }, title: 'rating (Elo scale: 1000 + 400 s / ln 10)' };
  return {
    $schema: schema,
    title: { text: title, subtitle },
    width: 440,
    height: Math.max(120, 22 * entries.length),
    data: { values },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2, color: '#9ecae1' },
        encoding: { y, x: { field: 'lower', ...x }, x2: { field: 'upper' } },
      },
      {
        mark: { type: 'point', filled: true, size: 60, color: '#1f77b4' },
        encoding: {
          y,
          x: { field: 'rating', ...x },
          tooltip: [
            { field: 'item' },
            { field: 'rating', format: '.0f' },
            { field: 'lower', format: '.0f' },
            { field: 'upper', format: '.0f' },
          ],
        },
      },
    ],
  };
}

/**
 * The win-rate matrix as a heat map: row item against column opponent, coloured from 0 (red)
 * through 1/2 (white) to 1 (blue); cells never compared are left empty. Rows and columns in
 * `order`; numbers printed in the cells up to 16 items.
 *
 * @example
 * ```ts
 * winRateSpec(['a', 'b'], [[null, 0.7], [0.3, null]], ['a', 'b'], 'Win rates')
 * ```
 */
export function winRateSpec(
  items: readonly string[],
  rates: ReadonlyArray<ReadonlyArray<number | null>>,
  order: readonly string[],
  title: string,
): VegaLiteSpec {
  const values = items
    .flatMap((item, i) => items.map((opponent, j) => ({ item, opponent, rate: i === j ? null : rates[i][j] })))
    .filter((cell) => cell.rate !== null);
  const size = Math.max(160, Math.min(640, 30 * items.length));
  const axis = (title: string) => ({
    field: title === 'item' ? 'item' : 'opponent',
    type: 'nominal',
    sort: [...order],
    title: title === 'item' ? 'item (row)' : 'opponent (column)',
    axis: { labelAngle: title === 'item' ? 0 : -45 },
  });
  const layer: unknown[] = [
    {
      mark: { type: 'rect' },
      encoding: {
        color: {
          field: 'rate',
          type: 'quantitative',
          title: 'win rate',
          scale: { scheme: 'redblue', domain: [0, 1], domainMid: 0.5 },
        },
        tooltip: [{ field: 'item' }, { field: 'opponent' }, { field: 'rate', format: '.3f' }],
      },
    },
  ];
  if (items.length <= 16)
    layer.push({
      mark: { type: 'text', fontSize: 10 },
      encoding: { text: { field: 'rate', type: 'quantitative', format: '.2f' } },
    });
  return {
    $schema: schema,
    title: { text: title, subtitle: 'share of comparisons the row item won against the column item (ties count half)' },
    width: size,
    height: size,
    data: { values },
    encoding: { x: axis('opponent'), y: axis('item') },
    layer,
  };
}

/**
 * The winner's lottery beside its bootstrap support frequencies: grouped bars per item, the
 * probability in the winner and the share of bootstrap rounds whose winner plays the item.
 *
 * @example
 * ```ts
 * winnerSpec(['a', 'b'], [1, 0], [0.8, 0.3], 'von Neumann winner')
 * ```
 */
export function winnerSpec(
  items: readonly string[],
  distribution: readonly number[],
  support: readonly number[] | undefined,
  title: string,
  order: readonly string[] = items,
): VegaLiteSpec {
  const series = ['probability in the winner', 'bootstrap support frequency'];
  const values = items.flatMap((item, i) => [
    { item, value: distribution[i], series: series[0] },
    ...(support ? [{ item, value: support[i], series: series[1] }] : []),
  ]);
  return {
    $schema: schema,
    title: {
      text: title,
      subtitle: support
        ? 'support frequency: share of bootstrap rounds whose winner gives the item positive probability'
        : 'no bootstrap in this result',
    },
    width: Math.max(440, 40 * items.length),
    height: 260,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'item',
        type: 'nominal',
        sort: [...order],
        title: 'item',
        axis: { labelAngle: items.length > 8 ? -45 : 0 },
      },
      xOffset: { field: 'series', type: 'nominal', sort: series },
      y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: 'probability / frequency' },
      color: {
        field: 'series',
        type: 'nominal',
        sort: series,
        title: null,
        legend: { orient: 'bottom', labelLimit: 400 },
      },
    },
  };
}

/**
 * The pictures of a `rank` result: `leaderboard`, `win-rates` (when the result has them) and
 * `winner`. O(n^2).
 *
 * @example
 * ```ts
 * const read = readBattleText('model_a,model_b,winner\nx,y,model_a\ny,x,tie\nx,y,model_a\n')
 * const input = { items: read.items, comparisons: read.comparisons, rows: read }
 * assert.deepEqual(rankPlots(rankComparisons(input)).map((plot) => plot.name), ['leaderboard', 'win-rates', 'winner'])
 * ```
 */
export function rankPlots(result: RankResultDocument): Array<{ name: string; spec: VegaLiteSpec }> {
  const order = result.leaderboard.map((entry) => entry.item);
  const level = result.bootstrap
    ? `${Math.round(result.bootstrap.level * 100)}% bootstrap intervals (${result.bootstrap.completed} rounds)`
    : 'no intervals';
  const of =
    result.criterion === null || result.criterion === undefined ? 'pooled over the criteria' : `on ${result.criterion}`;
  const plots = [
    {
      name: 'leaderboard',
      spec: leaderboardSpec(
        result.leaderboard.map((entry) => ({
          item: entry.item,
          rating: entry.rating,
          ...(entry.interval ? { lower: entry.interval[0], upper: entry.interval[1] } : {}),
        })),
        `Leaderboard ${of}`,
        `Bradley-Terry ratings with ${level}`,
      ),
    },
  ];
  if (result.winRates)
    plots.push({ name: 'win-rates', spec: winRateSpec(result.items, result.winRates, order, `Win rates ${of}`) });
  const support = result.leaderboard.every((entry) => entry.supportFrequency !== null)
    ? result.items.map((item) => result.leaderboard.find((entry) => entry.item === item)!.supportFrequency as number)
    : undefined;
  const kind =
    result.winner.kind === 'von-neumann' ? 'von Neumann winner' : `Blackwell winner (${result.winner.norm ?? 'linf'})`;
  plots.push({
    name: 'winner',
    spec: winnerSpec(
      result.items,
      result.winner.distribution,
      support,
      `${kind}: its lottery and bootstrap support`,
      order,
    ),
  });
  return plots;
}

/**
 * The pictures of an `estimate` result: per criterion the estimated win-rate matrix P_hat
 * (`win-rates`, or `win-rates-<criterion>` with several), the Bradley-Terry leaderboard when the
 * result has `rankings` (`leaderboard[-<criterion>]`), and the winner with its bootstrap support
 * (`winner`) when it has one. O(k n^2).
 *
 * @example
 * ```ts
 * estimatePlots(solve({ kind: 'estimate', comparisons })).map((plot) => plot.name) // ['win-rates', 'winner']
 * ```
 */
export function estimatePlots(result: EstimateResultDocument): Array<{ name: string; spec: VegaLiteSpec }> {
  const plots: Array<{ name: string; spec: VegaLiteSpec }> = [];
  const several = result.criteria.length > 1;
  const suffix = (name: string) => (several ? `-${name.replace(/[^A-Za-z0-9._-]+/g, '_')}` : '');
  result.criteria.forEach((criterion, c) => {
    const ranking = result.rankings?.criteria.find((entry) => entry.criterion === criterion.name)?.bradleyTerry;
    const order = ranking ? ranking.scores.map((entry) => entry.item) : result.items;
    const counts = result.counts[c];
    const rates = criterion.preferences.map((row, i) =>
      row.map((value, j) => (counts.comparisons[i][j] > 0 ? value : null)),
    );
    plots.push({
      name: `win-rates${suffix(criterion.name)}`,
      spec: winRateSpec(result.items, rates, order, `Estimated win rates on ${criterion.name}`),
    });
    if (ranking) {
      const entries = ranking.scores.map((entry) => ({
        item: entry.item,
        rating: entry.rating ?? entry.score,
        ...(entry.ratingInterval ? { lower: entry.ratingInterval[0], upper: entry.ratingInterval[1] } : {}),
      }));
      const level = ranking.intervals
        ? `${Math.round(ranking.intervals.level * 100)}% bootstrap intervals`
        : 'no intervals';
      plots.push({
        name: `leaderboard${suffix(criterion.name)}`,
        spec: leaderboardSpec(entries, `Bradley-Terry leaderboard on ${criterion.name}`, level),
      });
    }
  });
  if (result.winner) {
    const support = result.bootstrap ? result.bootstrap.items.map((entry) => entry.supportFrequency) : undefined;
    plots.push({
      name: 'winner',
      spec: winnerSpec(
        result.items,
        result.winner.distribution,
        support,
        `${result.winner.kind} winner: its lottery and bootstrap support`,
      ),
    });
  }
  return plots;
}
