/**
 * Saves text as a file through a temporary object URL (no request leaves the page).
 *
 * @example
 * ```ts
 * download('result.json', JSON.stringify(result, null, 2), 'application/json')
 * ```
 */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
