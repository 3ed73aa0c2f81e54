/** Bit-level equality of two TrialResults: every field, every typed array byte for byte. */
import type { TrialResults } from '../../engine/index.js';

export function resultDifferences(a: TrialResults, b: TrialResults): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = (a as unknown as Record<string, unknown>)[k];
    const y = (b as unknown as Record<string, unknown>)[k];
    if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
      const bx = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
      const by = new Uint8Array(y.buffer, y.byteOffset, y.byteLength);
      if (x.constructor !== y.constructor || !Buffer.from(bx).equals(Buffer.from(by))) out.push(k);
    } else if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) {
      // a plain record (the layout's `recorded`): its entries
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push(k);
    } else if (x !== y) out.push(k);
  }
  return out;
}
