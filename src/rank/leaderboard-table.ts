import type { RankResultDocument } from '../schema/rank.js';

/** Right-aligns every column of a text table (the first column left-aligned). */
function align(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The leaderboard of a rank document as a text table for a terminal: rank, item, rating with its
 * interval, win rate, games, the winner's probability and its bootstrap support frequency, then
 * one line naming the winner and its certificate. O(items).
 *
 * @example
 * ```ts
 * const read = readBattleText('model_a,model_b,winner\nx,y,model_a\ny,x,tie\nx,y,model_a\n')
 * const input = { items: read.items, comparisons: read.comparisons, rows: read }
 * const table = leaderboardTable(rankComparisons(input))
 * // a header, one row per item (best first), then the winner and its certificate
 * assert.deepEqual(table.split('\n').slice(0, 3).map((line) => line.trim().split(/\s+/).slice(0, 2)), [
 *   ['rank', 'item'],
 *   ['1', 'x'],
 *   ['2', 'y'],
 * ])
 * assert.match(table, /von Neumann winner of preference: x/)
 * ```
 */
export function leaderboardTable(result: RankResultDocument): string {
  const level = result.bootstrap ? `${Math.round(result.bootstrap.level * 1000) / 10}%` : '';
  const header = ['rank', 'item', 'rating', `${level} interval`.trim(), 'win rate', 'games', 'winner', 'support'];
  const rows = result.leaderboard.map((entry) => [
    String(entry.rank),
    entry.item,
    entry.rating.toFixed(0),
    entry.interval ? `[${entry.interval[0].toFixed(0)}, ${entry.interval[1].toFixed(0)}]` : '-',
    entry.winRate === null ? '-' : `${(100 * entry.winRate).toFixed(1)}%`,
    String(entry.games),
    entry.probability.toFixed(3),
    entry.supportFrequency === null ? '-' : entry.supportFrequency.toFixed(2),
  ]);
  const winner = result.winner;
  const kind =
    winner.kind === 'von-neumann'
      ? `von Neumann winner of ${result.criterion}`
      : `Blackwell winner (${winner.norm ?? 'linf'}) of ${result.criteria?.join(', ')}`;
  const lottery = winner.support.map((entry) => `${entry.item} ${entry.probability.toFixed(3)}`).join(', ');
  const lines = [
    align([header, ...rows]),
    '',
    `${kind}: ${lottery}`,
    `  value ${winner.value.toPrecision(6)}, certificate [${winner.certificate.lowerBound.toPrecision(6)}, ${winner.certificate.upperBound.toPrecision(6)}], status ${result.status}`,
  ];
  if (result.bootstrap)
    lines.push(
      `  ${result.bootstrap.completed} of ${result.bootstrap.rounds} bootstrap rounds (seed ${result.bootstrap.seed}); support = share of rounds whose winner plays the item`,
    );
  return lines.join('\n');
}
