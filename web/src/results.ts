import type { LeaderboardRow } from './leaderboard.js';

/** The fields of a solver result the page reads (the contract's result document). */
export interface WinnerResult {
  kind?: string;
  status: string;
  items?: string[];
  distribution: number[];
  value: number;
  certificate: { lowerBound: number; upperBound: number; gap: number };
  guarantees?: Record<string, number>;
  weights?: Record<string, number>;
  norm?: string;
  warnings?: unknown[];
}

/** The fields of a `pareto` result the page reads. */
export interface ParetoResult {
  kind: 'pareto';
  status: string;
  items: string[];
  criteria: string[];
  exact: boolean;
  frontier: Array<{ guarantees: Record<string, number>; distribution: number[] }>;
  blackwell?: WinnerResult;
  linear?: WinnerResult;
}

/** The fields of an `estimate` result the page reads. */
export interface EstimateResult {
  kind: 'estimate';
  status: string;
  items: string[];
  criteria: Array<{ name: string; preferences: number[][] }>;
  counts: Array<{ name: string; comparisons: number[][]; wins: number[][]; ties: number[][] }>;
  winner: WinnerResult;
  bootstrap?: {
    items: Array<{ item: string; probability: number; lower: number; upper: number; supportFrequency: number }>;
  };
  rankings?: {
    criteria: Array<{
      criterion: string;
      bradleyTerry?: {
        scores: Array<{
          item: string;
          rank: number;
          rating: number;
          lower?: number;
          upper?: number;
          ratingInterval?: [number, number];
        }>;
      };
    }>;
  };
}

/** The rank document (`POST /v1/rank`). */
export interface RankResult {
  kind: 'rank';
  status: string;
  items: string[];
  leaderboard: LeaderboardRow[];
  winner: WinnerResult;
  /** The criteria of the log, and the one the ratings are of (null: pooled over several). */
  criteria?: string[];
  criterion?: string | null;
  /** (wins + ties / 2) / comparisons of row item against column item; null when never compared. */
  winRates?: Array<Array<number | null>>;
  warnings?: unknown[];
}
