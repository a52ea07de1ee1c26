import { describe, expect, it } from 'vitest';
import { portfolioFiltersSchema } from '../../../src/shared/api/schemas/portfolio-view-schemas';
import { NO_PORTFOLIO_FILTERS } from '../../../src/shared/portfolio/no-portfolio-filters';

describe('no portfolio filters', () => {
  it('is what the filter schema fills in for an empty object, so the renderer and the saved views agree', () => {
    expect(portfolioFiltersSchema.parse({})).toEqual(NO_PORTFOLIO_FILTERS);
  });
});
