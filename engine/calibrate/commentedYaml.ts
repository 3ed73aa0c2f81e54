/**
 * Writes a plain scenario object as YAML with a comment after each value (keyed by field path, e.g.
 * `reps.winRate.mean` or `territories[1].seats`) and header comment lines. Block style throughout, so the
 * comments sit next to the values they explain.
 */
import { stringify } from 'yaml';

function scalar(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return stringify(v).trimEnd();
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function emit(v: unknown, path: string, indent: string, comments: Record<string, string>, out: string[], first: string): void {
  // `first` is the text before the value on its first line ('key:' or '-')
  if (isObj(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined);
    if (keys.length === 0) {
      out.push(`${indent}${first} {}`);
      return;
    }
    let lead = first === '-' ? `${indent}- ` : null;
    if (first !== '-') out.push(`${indent}${first}`);
    const inner = first === '-' ? indent + '  ' : indent + '  ';
    for (const k of keys) {
      const p = path ? `${path}.${k}` : k;
      const line: string[] = [];
      emit(v[k], p, inner, comments, line, `${k}:`);
      if (lead !== null) {
        line[0] = lead + line[0].slice(inner.length);
        lead = null;
      }
      out.push(...line);
    }
    return;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push(`${indent}${first} []`);
      return;
    }
    if (v.length > 8 && v.every((x) => typeof x === 'number')) {
      // a long list of numbers (e.g. empirical deal sizes): a flow sequence wrapped at about 100 columns
      const c = comments[path];
      out.push(`${indent}${first}${c ? `  # ${c}` : ''}`);
      const lines: string[] = [];
      let line = '';
      for (const x of v as number[]) {
        const item = `${x}, `;
        if (line.length + item.length > 96 && line) {
          lines.push(line.trimEnd());
          line = '';
        }
        line += item;
      }
      lines.push(line.replace(/, $/, ''));
      lines.forEach((l, i) => out.push(`${indent}  ${i === 0 ? '[' : ' '}${l}${i === lines.length - 1 ? ']' : ''}`));
      return;
    }
    out.push(`${indent}${first}`);
    v.forEach((item, i) => {
      const p = `${path}[${i}]`;
      if (isObj(item)) emit(item, p, indent + '  ', comments, out, '-');
      else out.push(`${indent}  - ${scalar(item)}${comments[p] ? `  # ${comments[p]}` : ''}`);
    });
    return;
  }
  const c = comments[path];
  out.push(`${indent}${first} ${scalar(v)}${c ? `  # ${c}` : ''}`);
}

/**
 * YAML text of `obj` with `comments` by path and `header` lines (each becomes `# line`).
 * @example commentedYaml({ reps: { seats: 3 } }, { 'reps.seats': 'owners seen' }, ['fitted']) // '# fitted\nreps:\n  seats: 3  # owners seen\n'
 */
export function commentedYaml(obj: Record<string, unknown>, comments: Record<string, string>, header: string[] = []): string {
  const out: string[] = header.map((h) => (h ? `# ${h}` : '#'));
  for (const k of Object.keys(obj)) {
    if (obj[k] === undefined) continue;
    emit(obj[k], k, '', comments, out, `${k}:`);
  }
  return out.join('\n') + '\n';
}
