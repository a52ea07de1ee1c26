import { z } from 'zod';
import { defineMethod } from '../define-method';
import { noInputSchema } from '../schemas/common';
import { portfolioFactsSchema } from '../schemas/portfolio-schemas';

/** Portfolio-wide facts the account list does not carry. */
export const portfolioMethods = {
  'portfolio.facts': defineMethod(
    noInputSchema,
    z.array(portfolioFactsSchema),
    'Per live account: yearly contract value where the terms fix one, the last saved assessment quarter and the decks exported.',
  ),
};
