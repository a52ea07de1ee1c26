import { describe, expect, it } from 'vitest';
import { tableSuppression } from '../../../src/shared/metrics/small-cells';

/* Complementary suppression for a table whose rows add up and whose column totals are printed. */
describe('tableSuppression', () => {
  it('hides nothing in a table without small counts', () => {
    expect(tableSuppression([[120, 100, 20], [40, 28, 12]])).toEqual([[null, null, null], [null, null, null]]);
  });

  it('hides the smallest other count of the row and of the column beside a lone small one', () => {
    // Riverbend's shape: 99453's two denied claims were 65 − 63.
    expect(tableSuppression([[65, 63, 2], [574, 553, 21], [269, 256, 13]])).toEqual([
      [null, 'complement', 'small'],
      [null, null, null],
      [null, 'complement', 'complement'],
    ]);
  });

  it('needs no second count where two small ones already share a row and a column', () => {
    expect(tableSuppression([[12, 3, 9], [14, 5, 9], [300, 250, 50]])).toEqual([
      [null, 'small', 'small'],
      [null, 'small', 'small'],
      [null, null, null],
    ]);
  });

  it('never hides a zero or a missing count, and leaves a cell alone when nothing can cover it', () => {
    expect(tableSuppression([[4, 4, 0]])).toEqual([['small', 'small', null]]);
    expect(tableSuppression([[null, 120, 7]])).toEqual([[null, 'complement', 'small']]);
    expect(tableSuppression([[0, 0, 7]])).toEqual([[null, null, 'small']]);
  });

  it('shows zero and counts over ten', () => {
    expect(tableSuppression([[0, 11, 10]])).toEqual([[null, 'complement', 'small']]);
  });
});
