/**
 * A line diff of two texts (longest common subsequence), to show what a revision changed in the file.
 */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * The lines of `b` against `a`: kept, added and removed, in order. Texts over `maxLines` lines are
 * shown as a whole removal and addition rather than matched (the table would be too large).
 * @example lineDiff('a\nb\n', 'a\nc\n') // same 'a', removed 'b', added 'c', same ''
 */
export function lineDiff(a: string, b: string, maxLines = 3000): DiffLine[] {
  const x = a.split('\n');
  const y = b.split('\n');
  if (x.length > maxLines || y.length > maxLines) return [...x.map((text) => ({ kind: 'removed' as const, text })), ...y.map((text) => ({ kind: 'added' as const, text }))];
  const n = x.length;
  const m = y.length;
  // lcs[i][j]: the common subsequence length of x[i..] and y[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ kind: 'same', text: x[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'removed', text: x[i++] });
    else out.push({ kind: 'added', text: y[j++] });
  }
  while (i < n) out.push({ kind: 'removed', text: x[i++] });
  while (j < m) out.push({ kind: 'added', text: y[j++] });
  return out;
}
