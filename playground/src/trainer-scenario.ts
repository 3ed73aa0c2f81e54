/**
 * The trainer's two-tier organisation for the 80/20 numerator demo: the top 20% of reps win 64% of
 * their deals and the other 80% win 4%, so the top 20% book 80% of revenue. Enablement closes a
 * share f of each bottom-80% rep's gap to the top win rate; theory says revenue becomes 1 + 3f
 * times the baseline. The engine simulates it; the playground only sets f.
 */
export const TRAINER_TRIALS = 1000;

/**
 * The trainer scenario for a given f in [0, 1].
 * @example trainerScenario(0.5).enablement[0].gapClosed // 0.5
 */
export function trainerScenario(f: number) {
  return {
    name: `80/20 numerator, f = ${f.toFixed(2)}`,
    horizonMonths: 12,
    reps: {
      seats: 20,
      opportunitiesPerMonth: 4,
      winRate: { tiers: [{ share: 0.2, mean: 0.64 }, { share: 0.8, mean: 0.04 }] },
      dealSize: 25000,
      cycleMonths: 3,
    },
    enablement: [{ name: 'Lift the 80%', startMonth: 1, monthsToFullEffect: 0, target: 'bottom80', adoption: 1, gapClosed: f }],
  };
}
