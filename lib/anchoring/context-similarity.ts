/**
 * How well a stored prefix or suffix agrees with the text next to a candidate match.
 * The context is aligned flush against the candidate (a prefix must end where the match
 * starts), and its far end may fall anywhere, so text inserted or deleted inside the
 * context costs what it changed and no more.
 */

/**
 * Edit distance between `context` and the text read away from `at` (backwards when
 * `direction` is -1), the text's far end free. `context` is given in reading order.
 */
function anchoredEditDistance(text: string, at: number, context: string, direction: -1 | 1): number {
  const m = context.length;
  const available = Math.max(0, direction < 0 ? at : text.length - at);
  // Beyond m + m/2 characters the distance can only grow; no need to read further.
  const n = Math.min(available, m + Math.ceil(m / 2));
  const row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    // Walk the context from the end that touches the match.
    const c = context.charCodeAt(direction < 0 ? m - i : i - 1);
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const t = text.charCodeAt(direction < 0 ? at - j : at + j - 1);
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (c === t ? 0 : 1));
      diagonal = row[j];
      row[j] = next;
    }
  }
  let best = row[0];
  for (let j = 1; j <= n; j++) best = Math.min(best, row[j]);
  return best;
}

/** 1 when the text before `at` ends with `prefix`, falling to 0 as they differ. */
export function prefixSimilarity(text: string, at: number, prefix: string): number {
  if (prefix.length === 0) return 1;
  return 1 - anchoredEditDistance(text, at, prefix, -1) / prefix.length;
}

/** 1 when the text after `at` starts with `suffix`, falling to 0 as they differ. */
export function suffixSimilarity(text: string, at: number, suffix: string): number {
  if (suffix.length === 0) return 1;
  return 1 - anchoredEditDistance(text, at, suffix, 1) / suffix.length;
}
