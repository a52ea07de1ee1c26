/** An inclusive numeric range; `max` null means open-ended. The unit is named by the field holding it. */
export interface NumericRange {
  min: number;
  max: number | null;
}

/** Build a range; both ends inclusive. */
export function range(min: number, max: number | null): NumericRange {
  return { min, max };
}
