/**
 * Levenshtein distance between `a` and `b` (in code units) if it is at most `max`, else
 * null. Only the diagonal band of width 2·max + 1 is computed: O(length · max).
 */
export function editDistanceWithin(a: string, b: string, max: number): number | null {
  if (Math.abs(a.length - b.length) > max) return null;
  const over = max + 1;
  let previous = new Int32Array(b.length + 2).fill(over);
  let current = new Int32Array(b.length + 2).fill(over);
  for (let j = 0; j <= Math.min(b.length, max); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    current[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    let rowMin = current[lo - 1];
    const char = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const substitute = previous[j - 1] + (char === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitute, previous[j] + 1, current[j - 1] + 1, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    current[hi + 1] = over;
    if (rowMin > max) return null;
    [previous, current] = [current, previous];
  }
  const distance = previous[b.length];
  return distance <= max ? distance : null;
}
