import { html } from './dom.js';
import { decimal, percent } from './format.js';

/** One row of the leaderboard (the fields of the rank document's leaderboard). */
export interface LeaderboardRow {
  rank: number;
  item: string;
  rating: number;
  interval?: [number, number];
  winRate?: number;
  games?: number;
  probability?: number;
  supportFrequency?: number;
}

/**
 * The leaderboard as an accessible table: Bradley-Terry rating (Elo scale) with its bootstrap
 * interval, win rate and games, and the item's probability in the von Neumann winner with the
 * share of bootstrap winners that use it.
 *
 * @example
 * ```ts
 * container.replaceChildren(leaderboardTable([{ rank: 1, item: 'a', rating: 1080, interval: [1050, 1110] }], 'helpfulness'))
 * ```
 */
export function leaderboardTable(rows: LeaderboardRow[], criterion: string): HTMLTableElement {
  const header = [
    'Rank',
    'Item',
    'Rating',
    '95% interval',
    'Win rate',
    'Games',
    'Winner probability',
    'In bootstrap winners',
  ];
  return html('table', { class: 'leaderboard' }, [
    html('caption', {}, [`Bradley-Terry ratings on ${criterion} (Elo scale), best first`]),
    html('thead', {}, [
      html(
        'tr',
        {},
        header.map((name) => html('th', { scope: 'col' }, [name])),
      ),
    ]),
    html(
      'tbody',
      {},
      rows.map((row) =>
        html('tr', {}, [
          html('td', {}, [String(row.rank)]),
          html('th', { scope: 'row' }, [row.item]),
          html('td', {}, [row.rating.toFixed(0)]),
          html('td', {}, [row.interval ? `${row.interval[0].toFixed(0)} to ${row.interval[1].toFixed(0)}` : '-']),
          html('td', {}, [percent(row.winRate)]),
          html('td', {}, [row.games === undefined ? '-' : String(row.games)]),
          html('td', {}, [decimal(row.probability)]),
          html('td', {}, [percent(row.supportFrequency)]),
        ]),
      ),
    ),
  ]);
}
