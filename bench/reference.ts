/**
 * The bench's reference: the core model of bench/core-model.yaml written the straightforward way, with
 * an object per rep and per open opportunity and seedrandom's default ARC4 generator for every draw. It
 * shows what the typed-array kernel buys (the "~0.85M rep-months/s with objects and
 * seedrandom ARC4"). Same model: steady-state start, Poisson(4) opportunities a month at full ramp, each
 * open opportunity resolving with probability 1/cycleMonths and won with the rep's Beta win rate,
 * lognormal deals, monthly attrition hazard, backfill after time-to-fill months, linear ramp.
 */
import seedrandom from 'seedrandom';

export interface ReferenceParams {
  seats: number;
  months: number;
  rate: number;
  winMean: number;
  winConcentration: number;
  dealMedian: number;
  dealSigma: number;
  cycleMonths: number;
  annualAttrition: number;
  pipelineLoss: number;
  timeToFill: number;
  rampMonths: number;
}

interface Opportunity {
  createdMonth: number;
}

interface Rep {
  winRate: number;
  tenure: number;
  pipeline: Opportunity[];
  vacantUntil: number;
  hired: boolean;
}

type Rng = () => number;

function poisson(rng: Rng, mean: number): number {
  // Knuth: multiply uniforms until the product falls below exp(-mean)
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(rng);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng();
    if (Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
  }
}

function beta(rng: Rng, mean: number, k: number): number {
  const x = gamma(rng, mean * k);
  const y = gamma(rng, (1 - mean) * k);
  return x / (x + y);
}

function newRep(rng: Rng, p: ReferenceParams, hired: boolean): Rep {
  return { winRate: beta(rng, p.winMean, p.winConcentration), tenure: 0, pipeline: [], vacantUntil: 0, hired };
}

/**
 * Runs `trials` trials; returns each trial's total revenue.
 * @example runReference(params, 1, 10).length // 10
 */
export function runReference(p: ReferenceParams, seed: number, trials: number): number[] {
  const totals: number[] = [];
  const hazard = 1 - Math.pow(1 - p.annualAttrition, 1 / 12);
  for (let t = 0; t < trials; t++) {
    const rng = seedrandom(`reference:${seed}:${t}`);
    const reps: Rep[] = [];
    for (let s = 0; s < p.seats; s++) {
      const rep = newRep(rng, p, false);
      const initial = poisson(rng, p.rate * (p.cycleMonths - 1));
      for (let i = 0; i < initial; i++) rep.pipeline.push({ createdMonth: 0 });
      reps.push(rep);
    }
    let total = 0;
    for (let m = 1; m <= p.months; m++) {
      for (let s = 0; s < reps.length; s++) {
        let rep = reps[s];
        let vacant = false;
        if (rep.vacantUntil > 0) {
          if (rep.vacantUntil > m) vacant = true;
          else {
            const carried = rep.pipeline;
            rep = newRep(rng, p, true);
            rep.pipeline = carried;
            reps[s] = rep;
          }
        }
        if (!vacant) {
          rep.tenure++;
          const ramp = rep.hired ? Math.min(1, rep.tenure / p.rampMonths) : 1;
          const arrivals = poisson(rng, p.rate * ramp);
          for (let i = 0; i < arrivals; i++) rep.pipeline.push({ createdMonth: m });
        }
        // a vacant seat's pipeline still resolves, at the leaver's win rate
        const stillOpen: Opportunity[] = [];
        for (const opp of rep.pipeline) {
          if (rng() < 1 / p.cycleMonths) {
            if (rng() < rep.winRate) total += p.dealMedian * Math.exp(p.dealSigma * normal(rng));
          } else stillOpen.push(opp);
        }
        rep.pipeline = stillOpen;
        if (!vacant && rng() < hazard) {
          rep.pipeline = rep.pipeline.filter(() => rng() >= p.pipelineLoss);
          rep.vacantUntil = m + 1 + p.timeToFill;
        }
      }
    }
    totals.push(total);
  }
  return totals;
}
