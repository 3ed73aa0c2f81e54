/** Uncertain inputs' part in the engine's estimates, analyses and readable report (their registry entry's hooks). */
import type { Scenario } from '../../scenario.js';
import type { WorkHook } from '../../kernel/work.js';
import type { ReportBlock } from '../../kernel/outputs.js';

/** Each trial compiles its own scenario (its draws of the uncertain inputs). */
export const WORK: WorkHook = (s) => ({ factors: { compilePerTrial: s.uncertainty ? 1 : 0 } });

/** The fields drawn once per trial, with their distributions (none without the block). */
export const DRAWN = (s: Scenario) => s.uncertainty?.parameters ?? [];

/** What the readable report reads of the Summary's uncertainty section (engine/uncertainty/summary.ts). */
export interface Section {
  readonly sampling: 'lhs' | 'random';
  readonly designTrials: number;
  readonly contribution: { readonly r2: number; readonly note?: string | null; readonly parameters: readonly { readonly path: string; readonly share: number; readonly srrc: number }[] };
  readonly parameters: readonly { readonly path: string; readonly draws: { readonly p10: number; readonly p50: number; readonly p90: number }; readonly bounds: string; readonly range: readonly [number, number | null]; readonly integer: boolean }[];
  readonly correlations: readonly { readonly between: readonly [string, string]; readonly target: number; readonly realised: number; readonly stdError: number }[];
}

/**
 * The variance-contribution tornado of a Summary with uncertain inputs, plus what was sampled: the last block
 * of `salesim run`'s readable report.
 * @example // REPORT.text(summary, { money, pct, table })!.split('\n')[0] // 'uncertain inputs (Latin hypercube sampling over 2000 trials): ...'
 */
export const REPORT: ReportBlock<{ readonly uncertainty?: Section }> = {
  order: 9,
  text: (s, { money, pct, table }) => {
    const u = s.uncertainty;
    if (!u) return null;
    const out = [`uncertain inputs (${u.sampling === 'lhs' ? 'Latin hypercube' : 'random'} sampling over ${u.designTrials} trials): contribution to the variance of total revenue, SRRC² (R² ${u.contribution.r2.toFixed(2)})`];
    const widest = Math.max(1e-9, ...u.contribution.parameters.map((p) => p.share));
    const byPath = new Map(u.parameters.map((p) => [p.path, p]));
    const rows = [['input', 'share', '', 'SRRC', 'drawn P10 / P50 / P90', 'range']];
    for (const c of u.contribution.parameters) {
      const p = byPath.get(c.path)!;
      const v = (x: number) => (Math.abs(x) >= 1000 ? money(x) : String(+x.toPrecision(3)));
      rows.push([
        c.path,
        pct(c.share),
        '█'.repeat(Math.round((20 * c.share) / widest)).padEnd(20),
        `${c.srrc >= 0 ? '+' : ''}${c.srrc.toFixed(2)}`,
        `${v(p.draws.p10)} / ${v(p.draws.p50)} / ${v(p.draws.p90)}`,
        `${p.bounds === 'truncated' ? 'truncated to' : 'inside'} [${p.range[0]}, ${p.range[1] === null || p.range[1] === Infinity ? '∞' : p.range[1]}]${p.integer ? ', whole' : ''}`,
      ]);
    }
    out.push(table(rows));
    for (const c of u.correlations) out.push(`  rank correlation ${c.between[0]} ~ ${c.between[1]}: target ${c.target}, realised ${c.realised.toFixed(3)} (SE ${c.stdError.toFixed(3)})`);
    out.push("  SRRC² = squared standardised rank regression coefficient: each input's share of the variance of rank(total revenue); for correlated inputs the shares overlap and do not add up to R².");
    if (u.contribution.note) out.push(`  not adequate here: ${u.contribution.note}`);
    return out.join('\n');
  },
};
