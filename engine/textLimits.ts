/**
 * Size and depth limits on input text, checked before anything recursive touches it. The YAML library
 * composes documents recursively (and its error prettifier can exhaust memory on a few thousand nested
 * brackets), zod validates recursively, and `JSON.stringify` / structured clone recurse too: a body of a
 * few kilobytes nested thousands of levels deep must be refused first, by a scan that does not recurse.
 */

/** Deepest nesting of collections accepted in any input (a scenario is ~6 levels, a study ~10). */
export const MAX_DEPTH = 64;

/** Longest YAML/JSON text accepted by `parseText` (characters). */
export const MAX_TEXT_CHARS = 2 * 1024 * 1024;

/**
 * Nesting depth of JSON text (`[` and `{` outside strings), by one pass over the characters. Stops
 * counting once `stopAt` is passed. Malformed text is fine: it is only a bound for what JSON.parse sees.
 * @example jsonTextDepth('{"a":[1,{"b":"[["}]}') // 3
 */
export function jsonTextDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) depth = Math.max(0, depth - 1);
  }
  return max;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * An upper bound on the nesting depth of YAML text (which includes JSON), and the line where it is
 * reached, without parsing: block nesting is the stack of indentation levels (compact `- `, `? ` and
 * `: ` indicators open a level at their content column), flow nesting the open `[` and `{` outside
 * quoted scalars and comments; block scalars (`|`, `>`) are skipped. A quote opens a quoted scalar only
 * where a YAML node can start, so the bound never falls below the real depth: where this scan and YAML
 * disagree, the scan counts more, not less.
 * @example yamlTextDepth('a:\n  b: [1, [2]]\n').depth // 4
 */
export function yamlTextDepth(text: string, stopAt = Infinity): { depth: number; line: number; column: number } {
  const lines = text.split(/\r\n|\r|\n/);
  const indents: number[] = [];
  let flow = 0;
  let quote: '' | '"' | "'" = '';
  let blockScalarParent = -1; // indentation of the line that opened a block scalar, -1 = none
  let best = { depth: 0, line: 1, column: 1 };
  const note = (line: number, col: number) => {
    const d = indents.length + flow;
    if (d > best.depth) best = { depth: d, line, column: col + 1 };
  };
  for (let ln = 0; ln < lines.length; ln++) {
    const s = lines[ln];
    let pos = 0;
    if (quote === '') {
      let indent = 0;
      while (indent < s.length && s[indent] === ' ') indent++;
      const rest = s.slice(indent).trimStart();
      if (rest === '' || rest.startsWith('#')) continue;
      if (blockScalarParent >= 0) {
        if (indent > blockScalarParent) continue;
        blockScalarParent = -1;
      }
      if (rest.startsWith('---') || rest.startsWith('...')) {
        if (rest.length === 3 || isBlank(rest[3])) {
          indents.length = 0;
          flow = 0;
          pos = indent + 3;
        }
      }
      if (flow === 0 && pos === 0) {
        while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
        pos = indent;
        // compact nesting on one line: `- - a: 1`, `? key`, `: value`
        while ((s[pos] === '-' || s[pos] === '?' || s[pos] === ':') && (pos + 1 >= s.length || isBlank(s[pos + 1]))) {
          pos++;
          while (isBlank(s[pos])) pos++;
          if (pos >= s.length || s[pos] === '#') break;
          indents.push(pos);
        }
        note(ln + 1, pos);
        if (best.depth > stopAt) return best;
      }
    }
    // the rest of the line: quotes, flow brackets, a comment, a block scalar header at its end
    let prev = pos > 0 ? s[pos - 1] : ' '; // the previous character that matters for a quote opening
    let lastToken = '';
    for (; pos < s.length; pos++) {
      const c = s[pos];
      if (quote === '"') {
        if (c === '\\') pos++;
        else if (c === '"') quote = '';
        prev = c;
        continue;
      }
      if (quote === "'") {
        if (c === "'") {
          if (s[pos + 1] === "'") pos++;
          else quote = '';
        }
        prev = c;
        continue;
      }
      if (c === '#' && isBlank(prev)) break;
      if ((c === '"' || c === "'") && (isBlank(prev) || prev === '[' || prev === '{' || prev === ',' || prev === ':')) {
        quote = c;
        prev = c;
        lastToken = '';
        continue;
      }
      if (c === '[' || c === '{') {
        flow++;
        note(ln + 1, pos);
        if (best.depth > stopAt) return best;
      } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
      if (!isBlank(c)) lastToken = isBlank(prev) ? c : lastToken + c;
      prev = c;
    }
    if (quote === '' && flow === 0 && /^[|>][-+0-9]*$/.test(lastToken)) {
      let indent = 0;
      while (indent < s.length && s[indent] === ' ') indent++;
      blockScalarParent = indent;
    }
  }
  return best;
}

/**
 * Depth of a plain value (objects and arrays), without recursion; a value reached along several paths
 * (YAML aliases) is measured once. Stops once `stopAt` is passed.
 * @example valueDepth({ a: [1, { b: 2 }] }) // 3
 */
export function valueDepth(value: unknown, stopAt = Infinity): number {
  if (value === null || typeof value !== 'object') return 0;
  const known = new Map<object, number>();
  const open = new Set<object>(); // on the current path: meeting one again is a cycle, endless depth
  // post-order: a frame is pushed once to expand its children, then again to collect them
  const stack: { v: object; expanded: boolean; onPath: number }[] = [{ v: value, expanded: false, onPath: 1 }];
  let deepestPath = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (known.has(top.v)) {
      stack.pop();
      continue;
    }
    const children = Object.values(top.v).filter((c): c is object => c !== null && typeof c === 'object');
    if (!top.expanded) {
      top.expanded = true;
      open.add(top.v);
      deepestPath = Math.max(deepestPath, top.onPath);
      if (deepestPath > stopAt) return deepestPath;
      for (const c of children) {
        if (open.has(c)) return Infinity;
        if (!known.has(c)) stack.push({ v: c, expanded: false, onPath: top.onPath + 1 });
      }
      continue;
    }
    stack.pop();
    open.delete(top.v);
    let d = 0;
    for (const c of children) d = Math.max(d, known.get(c) ?? 0);
    known.set(top.v, d + 1);
    if (d + 1 > stopAt) return d + 1;
  }
  return known.get(value) ?? deepestPath;
}
