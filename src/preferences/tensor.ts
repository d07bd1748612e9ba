import type { Matrix } from '../numeric/matrix.js';

/** Preferences on k criteria over the same n items: one n x n matrix per criterion. */
export interface PreferenceTensor {
  readonly items: string[];
  readonly criteria: string[];
  readonly matrices: Matrix[];
}
