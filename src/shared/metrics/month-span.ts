/** Whole calendar months from `from` to `to`; each may be a month (YYYY-MM) or a day (YYYY-MM-DD). */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.slice(0, 7).split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}
