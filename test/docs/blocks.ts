/**
 * Reading the fenced blocks of a Markdown page and comparing a quoted output with a fresh one, for
 * `test/docs/examples.test.ts`. A block's markers are the HTML comments on the lines just above its fence
 * (blank lines between are allowed): `<!-- output of: salesim run x.yaml -->`, `<!-- exits: 2 -->`, ...
 */

/** One fenced block: its language, text, the 1-based line of its opening fence and its markers. */
export interface Block {
  lang: string;
  body: string;
  line: number;
  markers: Record<string, string>;
}

/**
 * The fenced blocks of a Markdown text, in order, each with the `<!-- key: value -->` comments above it.
 * @example fencedBlocks('<!-- exits: 2 -->\n```sh\nsalesim x\n```\n')[0] // { lang: 'sh', body: 'salesim x\n', line: 2, markers: { exits: '2' } }
 */
export function fencedBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*([\w-]*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    let j = i + 1;
    while (j < lines.length && lines[j].trimEnd() !== fence) j++;
    if (j >= lines.length) throw new Error(`line ${i + 1}: a fenced block that is never closed`);
    const markers: Record<string, string> = {};
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === '') k--;
    for (; k >= 0; k--) {
      const m = /^<!--\s*([\w -]+?)\s*(?::\s*(.*?))?\s*-->$/.exec(lines[k].trim());
      if (!m) break;
      markers[m[1]] = m[2] ?? '';
    }
    out.push({ lang: open[2], body: lines.slice(i + 1, j).join('\n') + '\n', line: i + 1, markers });
    i = j;
  }
  return out;
}

/**
 * Splits a command line into words the way a POSIX shell would for simple commands (single and double
 * quotes, backslash escapes; no expansions).
 * @example shellWords(`salesim solve baseline --target 'P(plan) >= 0.8'`) // ['salesim', 'solve', 'baseline', '--target', 'P(plan) >= 0.8']
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length) j++;
        cur += line[j];
      }
      if (j >= line.length) throw new Error(`unclosed " in: ${line}`);
      i = j;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/**
 * A command's output with what legitimately differs between runs masked: wall-clock times such as
 * `(782 ms)` or `(1.2 s)`, and trailing spaces.
 * @example normalizeOutput('Baseline — 2000 trials (782 ms)  \n') // 'Baseline — 2000 trials (TIME)\n'
 */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\(\d+(?:\.\d+)? m?s\)/g, '(TIME)')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

/**
 * Differences between a quoted output and a fresh one, both normalised; empty when they agree. A line
 * `...` in the quote stands for any number of lines left out; elsewhere every line must match exactly and
 * in order, and the quote must cover the output from its first line to its last unless it starts or
 * ends with `...`.
 * @example outputMismatch('a\n...\nc\n', 'a\nb\nc\n') // []
 */
export function outputMismatch(quoted: string, actual: string): string[] {
  const trim = (t: string) => normalizeOutput(t).replace(/\n+$/, '').split('\n');
  const q = trim(quoted);
  const a = trim(actual);
  const segments: string[][] = [[]];
  for (const l of q) {
    if (l.trim() === '...') segments.push([]);
    else segments[segments.length - 1].push(l);
  }
  const openStart = segments.length > 1 && segments[0].length === 0;
  const openEnd = segments.length > 1 && segments[segments.length - 1].length === 0;
  const parts = segments.filter((s) => s.length > 0);
  const at = (s: string[], i: number) => s.every((l, k) => a[i + k] === l);
  let pos = 0;
  for (let p = 0; p < parts.length; p++) {
    const seg = parts[p];
    const mustStartHere = p === 0 && !openStart;
    let found = -1;
    if (mustStartHere) found = at(seg, 0) ? 0 : -1;
    else for (let i = pos; i + seg.length <= a.length && found < 0; i++) if (at(seg, i)) found = i;
    if (found < 0) {
      const first = mustStartHere ? firstDifference(seg, a, 0) : `no run of lines in the output matches the quoted lines starting "${seg[0]}"`;
      return [first];
    }
    pos = found + seg.length;
  }
  if (!openEnd && pos !== a.length) return [`the output goes on after the quote ends: "${a[pos]}"`];
  return [];
}

function firstDifference(seg: string[], a: string[], from: number): string {
  for (let k = 0; k < seg.length; k++) {
    if (a[from + k] !== seg[k]) return `line ${k + 1} differs:\n  quoted: ${seg[k]}\n  actual: ${a[from + k] ?? '(no line)'}`;
  }
  return 'the quote differs from the output';
}

/**
 * GitHub's anchor for a heading: lower case, punctuation other than `-` and `_` dropped, spaces to `-`.
 * @example headingAnchor('## Demand generation (`demand`)') // 'demand-generation-demand'
 */
export function headingAnchor(heading: string): string {
  return heading
    .replace(/^#+\s*/, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}
