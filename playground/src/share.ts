/**
 * Share links: the scenario, seed and trials travel in the URL fragment as base64url JSON, so a link
 * works without the server store and never reaches server logs.
 */
export interface SharedRun {
  scenario: Record<string, unknown>;
  seed?: number;
  trials?: number;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/**
 * The URL fragment for a run.
 * @example encodeShare({ scenario: { name: 'x' } }).startsWith('#run=') // true
 */
export function encodeShare(run: SharedRun): string {
  return `#run=${toBase64Url(JSON.stringify(run))}`;
}

/**
 * Reads a run back from a URL fragment; null when the fragment carries none or is damaged.
 * @example decodeShare(encodeShare({ scenario: { name: 'x' }, seed: 3 }))?.seed // 3
 */
export function decodeShare(hash: string): SharedRun | null {
  const m = /^#?run=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  try {
    const v = JSON.parse(fromBase64Url(m[1])) as SharedRun;
    return v && typeof v.scenario === 'object' && v.scenario !== null ? v : null;
  } catch {
    return null;
  }
}
