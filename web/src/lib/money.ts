/** Rupee amounts rounded to paise, so sums of prices do not drift (0.1 + 0.2). */
export function roundRupees(amount: number): number {
  return Math.round(amount * 100) / 100;
}
