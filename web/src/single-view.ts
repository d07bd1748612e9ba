import { fillSummary, html } from './dom.js';
import { barChart, type Bar } from './bars.js';
import { decimal } from './format.js';
import { heatMap } from './heatmap.js';
import { leaderboardTable, type LeaderboardRow } from './leaderboard.js';
import type { EstimateResult, RankResult, WinnerResult } from './results.js';
import { certificateText, lotteryBars } from './tradeoffs-view.js';

/** Where the one-criterion view draws. */
export interface SingleTargets {
  leaderboard: HTMLElement;
  summary: HTMLElement;
  bars: HTMLElement;
  heatmap: HTMLElement;
}

const elo = (score: number) => 1000 + (400 * score) / Math.LN10;

/** Leaderboard rows of an estimate result: Bradley-Terry ratings with intervals, win rates, games. */
export function leaderboardOfEstimate(result: EstimateResult, criterion: string): LeaderboardRow[] {
  const ranking =
    result.rankings?.criteria.find((entry) => entry.criterion === criterion) ?? result.rankings?.criteria[0];
  const counts = result.counts.find((entry) => entry.name === criterion) ?? result.counts[0];
  const bootstrap = new Map(result.bootstrap?.items.map((entry) => [entry.item, entry]) ?? []);
  const scores = ranking?.bradleyTerry?.scores ?? [];
  return scores.map((score) => {
    const index = result.items.indexOf(score.item);
    const games = counts ? counts.comparisons[index].reduce((sum, value) => sum + value, 0) : undefined;
    const wins = counts
      ? counts.wins[index].reduce((sum, value) => sum + value, 0) +
        counts.ties[index].reduce((sum, value) => sum + value, 0) / 2
      : undefined;
    return {
      rank: score.rank,
      item: score.item,
      rating: score.rating,
      interval:
        score.ratingInterval ??
        (score.lower !== undefined && score.upper !== undefined ? [elo(score.lower), elo(score.upper)] : undefined),
      winRate: games && wins !== undefined ? wins / games : undefined,
      games,
      probability: result.winner.distribution[index],
      supportFrequency: bootstrap.get(score.item)?.supportFrequency,
    };
  });
}

function showWinner(targets: SingleTargets, items: string[], winner: WinnerResult, bars: Bar[]): void {
  fillSummary(targets.summary, [
    ['Status', winner.status],
    ['Value (win probability against every item)', decimal(winner.value, 4)],
    ['Certificate', certificateText(winner)],
  ]);
  targets.bars.replaceChildren(
    barChart(
      bars.length > 0 ? bars : lotteryBars(items, winner.distribution),
      'Von Neumann winner: probability of each item',
    ),
  );
}

/** Draws an estimate result: leaderboard, von Neumann winner with bootstrap bars, heat map. */
export function showEstimate(targets: SingleTargets, result: EstimateResult, criterion: string): void {
  targets.leaderboard.replaceChildren(leaderboardTable(leaderboardOfEstimate(result, criterion), criterion));
  const bars = result.bootstrap?.items.map((entry) => ({ ...entry })) ?? [];
  showWinner(targets, result.items, result.winner, bars);
  const matrix = result.criteria.find((entry) => entry.name === criterion) ?? result.criteria[0];
  targets.heatmap.replaceChildren(heatMap(result.items, matrix.preferences, criterion));
}

/** Draws a von Neumann result of a preference matrix (no counts: no leaderboard). */
export function showMatrixWinner(
  targets: SingleTargets,
  items: string[],
  result: WinnerResult,
  matrix: number[][],
  criterion: string,
): void {
  targets.leaderboard.replaceChildren(
    html('p', { class: 'note' }, [
      'A leaderboard needs comparison counts (a battle log or a document with "comparisons"); this document gives probabilities.',
    ]),
  );
  showWinner(targets, items, result, []);
  targets.heatmap.replaceChildren(heatMap(items, matrix, criterion));
}

/** Draws a rank document (`POST /v1/rank`). */
export function showRank(targets: SingleTargets, result: RankResult, criterion: string): void {
  targets.leaderboard.replaceChildren(leaderboardTable(result.leaderboard, criterion));
  const bars = result.leaderboard
    .map((row) => ({ item: row.item, probability: row.probability ?? 0, supportFrequency: row.supportFrequency }))
    .sort((a, b) => result.items.indexOf(a.item) - result.items.indexOf(b.item));
  showWinner(targets, result.items, result.winner, bars);
  if (result.winRates) targets.heatmap.replaceChildren(heatMap(result.items, result.winRates, criterion));
  else targets.heatmap.replaceChildren(html('p', { class: 'note' }, ['The rank document carries no win-rate matrix.']));
}
