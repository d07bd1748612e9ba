// What the playground remembers between events: the prepared input, the controls' values, the
// last answers, and which request of each kind is the latest.
import type { Input } from './input.js';
import type { ParetoResult, WinnerResult } from './results.js';

/** Named preference matrices, as in a problem document's `criteria`. */
export type Matrices = Array<{ name: string; preferences: number[][] }>;

/** The input, read and (for comparisons) estimated into matrices, ready for every view. */
export interface Prepared {
  input: Input;
  items?: string[];
  criteria: string[];
  matrices?: Matrices;
  /** Target parts other than thresholds (halfspaces, constraints) kept from the document. */
  targetRest: Record<string, unknown>;
}

/** The two views of the page. */
export type View = 'tradeoffs' | 'single';

/** The page's state; the controllers read and replace its fields. */
export interface Session {
  prepared?: Prepared;
  /** The bundled example last loaded, to tell whether the input is still that example. */
  exampleText?: { name: string; text: string };
  view: View;
  thresholds: Record<string, number>;
  weights: Record<string, number>;
  /** The two criteria the frontier plot shows. */
  axes?: [string, string];
  frontier?: ParetoResult;
  blackwell?: WinnerResult;
  linear?: WinnerResult;
  /** Whether the user picked a tab (then new data keeps it when it can). */
  viewChosen: boolean;
}

/** The one session of the page. */
export const session: Session = { view: 'tradeoffs', thresholds: {}, weights: {}, viewChosen: false };

/** The latest request of each kind; an answer to an older request is dropped. */
export const tickets = { all: 0, target: 0, weights: 0, single: 0, example: 0 };
