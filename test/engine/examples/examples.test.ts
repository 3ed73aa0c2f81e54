/**
 * The JSDoc examples of the statistics and random helpers run (simple-statistics' convention): every
 * `@example` of engine/stats/ and engine/random/ is executed with its module's exports in scope, and each
 * line that ends in `// expected` is checked: `// X` must equal X (deep equality; typed arrays by their
 * values; a comment after a statement ending in `;` is a note), `// ≈ X` must be within half a unit of X's last printed decimal (0.4038: ± 0.00005), or 1e-9
 * relative when X is an integer or an expression. A line whose expected text is not an expression is an
 * error, so an example cannot drift into prose nobody checks. The random helpers' examples also see the
 * other modules of engine/random (they seed the stream they draw from: no hidden state).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const DIRS = ['engine/stats', 'engine/random'];

/** A file's examples: each the code lines after one `@example` tag (up to the next tag or the comment's end). */
function examplesOf(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s*\/?\*+\/?\s?/, '');
    const tag = line.match(/^@(\w+)\s*(.*)$/);
    if (tag) {
      if (cur) out.push(cur);
      cur = tag[1] === 'example' ? (tag[2].trim() ? [tag[2].trim()] : []) : null;
    } else if (cur && (raw.includes('*/') || !/^\s*\*/.test(raw))) {
      out.push(cur);
      cur = null;
    } else if (cur && line.trim()) cur.push(line.trim());
  }
  if (cur) out.push(cur);
  return out.filter((e) => e.length > 0);
}

/**
 * Splits `code // expected` at the last ` // ` (null: nothing to check on this line). A comment after a
 * statement that ends in `;` is a note, not an expected value.
 */
function split(line: string): [string, string | null] {
  const i = line.lastIndexOf(' // ');
  if (i < 0) return [line, null];
  const code = line.slice(0, i).trim();
  return code.endsWith(';') ? [line, null] : [code, line.slice(i + 4).trim()];
}

/** The tolerance of `≈ X`: half a unit of X's last decimal when X is a decimal literal, else 1e-9 relative. */
function tolerance(x: string, want: number): number {
  const m = x.trim().match(/^-?\d+\.(\d+)$/);
  return m ? 0.5 * 10 ** -m[1].length : 1e-9 * Math.max(1, Math.abs(want));
}

const plain = (v: unknown): unknown => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v);

describe.each(DIRS)('the @examples of %s run and hold', (dir) => {
  const files = readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
  it.each(files)('%s', async (file) => {
    const text = readFileSync(join(root, dir, file), 'utf8');
    const own = (await import(join(root, dir, file))) as Record<string, unknown>;
    // the random helpers' examples see every module of engine/random (streams to seed, tables to draw from)
    const helpers = dir === 'engine/random' ? await Promise.all(files.map((f) => import(join(root, dir, f)) as Promise<Record<string, unknown>>)) : [];
    const mod = Object.assign({}, ...helpers, own) as Record<string, unknown>;
    const names = Object.keys(mod);
    for (const example of examplesOf(text)) {
      const body: string[] = [];
      let checks = 0;
      for (const line of example) {
        const [code, expected] = split(line);
        if (expected === null) {
          body.push(code);
          continue;
        }
        const stmts = code.replace(/;\s*$/, '');
        const cut = stmts.lastIndexOf(';');
        const before = cut < 0 ? '' : stmts.slice(0, cut + 1);
        const last = cut < 0 ? stmts : stmts.slice(cut + 1);
        body.push(before);
        const approx = expected.startsWith('≈');
        let want: unknown;
        try {
          want = new Function(...names, `return (${approx ? expected.slice(1) : expected});`)(...names.map((n) => mod[n]));
        } catch (e) {
          throw new Error(`${dir}/${file}: the example '${line}' expects '${expected}', which is not an expression (${(e as Error).message})`);
        }
        const got = new Function(...names, `${body.join('\n')}\nreturn (${last});`)(...names.map((n) => mod[n]));
        if (approx) expect(Math.abs((got as number) - (want as number)), line).toBeLessThanOrEqual(tolerance(expected.slice(1), want as number));
        else expect(plain(got), line).toEqual(plain(want));
        body.push(`${last};`);
        checks++;
      }
      expect(checks, `${dir}/${file}: an example with nothing checked: ${example.join(' / ')}`).toBeGreaterThan(0);
    }
  });
});
