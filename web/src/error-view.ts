import { ServiceError } from './api.js';
import { InputError } from './input.js';
import { locatePointer, type TextSpan } from './json-locate.js';

/** The error box beside the input: what went wrong, and where in the input when known. */
export interface ErrorView {
  clear(): void;
  /** Shows an error; `sentText` is the input text the failed request was made from. */
  show(error: unknown, sentText?: string): void;
}

function spanOfLine(text: string, line: number): TextSpan | undefined {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return undefined;
  const start = lines.slice(0, line - 1).reduce((sum, part) => sum + part.length + 1, 0);
  return { start, end: start + lines[line - 1].length, line, column: 1 };
}

/**
 * Shows input errors (JSON syntax, with line and column) and service errors (code, detail, JSON
 * pointer, and the line and column the pointer names in the input, or the log line) in `box`
 * (`role="alert"`); `button` selects the offending text in the input.
 *
 * @example
 * ```ts
 * const errors = createErrorView(textarea, box, button)
 * errors.show(new InputError('JSON syntax error at line 3, column 9: ...'))
 * ```
 */
export function createErrorView(input: HTMLTextAreaElement, box: HTMLElement, button: HTMLButtonElement): ErrorView {
  let span: TextSpan | undefined;
  button.addEventListener('click', () => {
    if (!span) return;
    input.focus();
    input.setSelectionRange(span.start, span.end);
    const lineHeight = input.scrollHeight / Math.max(1, input.value.split('\n').length);
    input.scrollTop = Math.max(0, (span.line - 3) * lineHeight);
  });
  return {
    clear() {
      box.textContent = '';
      span = undefined;
      button.hidden = true;
      input.removeAttribute('aria-invalid');
    },
    show(error, sentText) {
      span = undefined;
      let message: string;
      if (error instanceof InputError) {
        message = error.message;
        span = error.span;
      } else if (error instanceof ServiceError) {
        const { code, detail, pointer, line } = error.problem;
        const found = pointer && sentText === input.value ? locatePointer(input.value, pointer) : undefined;
        const where = [
          pointer ? `at ${pointer}` : '',
          found ? `line ${found.line}, column ${found.column} of the input` : '',
          line !== undefined ? `line ${line} of the log` : '',
        ].filter(Boolean);
        message = `${code}: ${detail}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
        span = found ?? (line !== undefined ? spanOfLine(input.value, line) : undefined);
      } else message = `unexpected error: ${(error as Error)?.message ?? String(error)}`;
      box.textContent = message;
      button.hidden = span === undefined;
      input.setAttribute('aria-invalid', 'true');
    },
  };
}
