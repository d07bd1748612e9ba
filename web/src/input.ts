import { lineColumn } from './json-locate.js';

/** Name of the one criterion of a document without named criteria (as the library names it). */
export const defaultCriterion = 'preference';

/** A problem document's preferences on named criteria, as the page uses them. */
export interface PreferenceData {
  type: 'document';
  document: Record<string, unknown>;
  /** Item names, when the document gives them. */
  items?: string[];
  criteria: string[];
  /** Preference matrices by criterion (documents with `criteria` or `preferences`). */
  matrices?: Array<{ name: string; preferences: number[][] }>;
  /** Raw comparisons (documents with `comparisons`). */
  comparisons?: unknown[];
}

/** A document of a kind the page does not draw (matrix game, approachability, compare...). */
export interface OtherDocument {
  type: 'other';
  document: Record<string, unknown>;
}

/** A battle log in one of the importers' formats. */
export interface BattleLog {
  type: 'log';
  text: string;
  contentType: 'text/csv' | 'application/x-ndjson' | 'application/json';
}

export type Input = PreferenceData | OtherDocument | BattleLog;

/** What is wrong with the input text, with its place when known. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly span?: { start: number; end: number; line: number; column: number },
  ) {
    super(message);
  }
}

const documentFields = ['kind', 'criteria', 'preferences', 'comparisons', 'payoff'];

function syntaxError(text: string, error: Error): InputError {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return new InputError(`the input is not valid JSON: ${error.message}`);
  const offset = Math.min(Number(match[1]), text.length);
  const { line, column } = lineColumn(text, offset);
  const reason = error.message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  return new InputError(`JSON syntax error at line ${line}, column ${column}: ${reason}`, {
    start: offset,
    end: Math.min(offset + 1, text.length),
    line,
    column,
  });
}

function criterionNames(document: Record<string, unknown>): string[] {
  if (Array.isArray(document.criteria))
    return document.criteria.map((criterion: { name?: unknown }) => String(criterion?.name));
  if (Array.isArray(document.comparisons)) {
    const names = new Set<string>();
    for (const comparison of document.comparisons as Array<{ criterion?: unknown }>)
      names.add(typeof comparison?.criterion === 'string' ? comparison.criterion : defaultCriterion);
    return [...names];
  }
  return [defaultCriterion];
}

/** Reads a parsed JSON document: preferences the page can draw, or a kind it passes through. */
export function readDocument(document: Record<string, unknown>): PreferenceData | OtherDocument {
  const drawable =
    document.criteria !== undefined || document.preferences !== undefined || document.comparisons !== undefined;
  const passThrough = ['matrix-game', 'approachability', 'compare'].includes(String(document.kind));
  if (!drawable || passThrough) return { type: 'other', document };
  const items = Array.isArray(document.items) ? document.items.map(String) : undefined;
  const criteria = criterionNames(document);
  let matrices: PreferenceData['matrices'];
  if (Array.isArray(document.criteria))
    matrices = (document.criteria as Array<{ name: string; preferences: number[][] }>).map(({ name, preferences }) => ({
      name,
      preferences,
    }));
  else if (Array.isArray(document.preferences))
    matrices = [{ name: defaultCriterion, preferences: document.preferences as number[][] }];
  const comparisons = Array.isArray(document.comparisons) ? document.comparisons : undefined;
  return { type: 'document', document, items, criteria, matrices, comparisons };
}

/**
 * Classifies the text of the input area: a JSON problem document, a JSON battle log
 * (`{ "format", "rows" }`), JSONL (one battle per line) or CSV. Throws an {@link InputError} with
 * the line and column of a JSON syntax error.
 *
 * @example
 * ```ts
 * readInput('{"preferences": [[0.5]]}').type // 'document'
 * readInput('model_a,model_b,winner\na,b,model_a').type // 'log'
 * ```
 */
export function readInput(text: string): Input {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new InputError(
      'the input is empty: paste a problem document or a battle log, drop a file, or load an example',
    );
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { type: 'log', text, contentType: 'text/csv' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const lines = trimmed.split('\n').filter((line) => line.trim() !== '');
    const everyLineJson =
      lines.length > 1 &&
      lines.every((line) => {
        try {
          return typeof JSON.parse(line) === 'object';
        } catch {
          return false;
        }
      });
    if (everyLineJson) return { type: 'log', text, contentType: 'application/x-ndjson' };
    throw syntaxError(text, error as Error);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(
      'the input is JSON but not an object: a problem document is a JSON object such as {"preferences": [[0.5, 0.6], [0.4, 0.5]]}',
    );
  }
  const document = parsed as Record<string, unknown>;
  if (Array.isArray(document.rows) && !documentFields.some((field) => field in document))
    return { type: 'log', text, contentType: 'application/json' };
  if (!documentFields.some((field) => field in document))
    return { type: 'log', text, contentType: 'application/x-ndjson' };
  return readDocument(document);
}
