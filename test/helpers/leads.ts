/**
 * A lead export with a known funnel: 12 months of 2025 x 50 leads; every 10th qualifies the next month
 * (none from December); every other of the rest is nurturing. Fits to leadsPerMonth 50, qualifiedShare
 * 0.1, qualificationDelayMonths 1, notReadyShare 0.5 (the CLI's test uses the same export).
 * @example calibrateDemand(leadExport()).demand.leadsPerMonth // 50
 */
export function leadExport(): string {
  const lines = ['Lead ID,Created Date,Lead Status,Converted Date'];
  for (let m = 1; m <= 12; m++)
    for (let i = 0; i < 50; i++) {
      const q = i % 10 === 0 && m < 12;
      lines.push(`L${m}-${i},${m}/${1 + (i % 28)}/2025,${q ? 'Converted' : i % 2 ? 'Nurturing' : 'Unqualified'},${q ? `${m + 1}/15/2025` : ''}`);
    }
  return lines.join('\n') + '\n';
}
