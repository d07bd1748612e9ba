import type { PairwiseWins } from './pairwise-wins.js';

function reachesAll(n: number, adjacency: number[][]): boolean {
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  let count = 1;
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const next of adjacency[node]) {
      if (seen[next]) continue;
      seen[next] = 1;
      count++;
      stack.push(next);
    }
  }
  return count === n;
}

/**
 * Whether the "beat" graph of pairwise outcomes is strongly connected: an edge i -> j when i won
 * some (part of a) comparison against j. Zermelo (1929) and Ford (1957): the unregularised
 * Bradley-Terry likelihood has a maximum (unique up to a common shift) exactly when it is. Two
 * searches, from item 0 forwards and backwards. O(n + pairs).
 *
 * @example
 * ```ts
 * stronglyConnected(winsFromMatrix(matrixFromRows([[0.5, 1], [0, 0.5]]))) // false: item 1 never wins
 * ```
 */
export function stronglyConnected(wins: PairwiseWins): boolean {
  const n = wins.items;
  if (n <= 1) return true;
  const forward: number[][] = Array.from({ length: n }, () => []);
  const backward: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < wins.first.length; e++) {
    const a = wins.first[e];
    const b = wins.second[e];
    if (wins.firstWins[e] > 0) {
      forward[a].push(b);
      backward[b].push(a);
    }
    if (wins.secondWins[e] > 0) {
      forward[b].push(a);
      backward[a].push(b);
    }
  }
  return reachesAll(n, forward) && reachesAll(n, backward);
}
