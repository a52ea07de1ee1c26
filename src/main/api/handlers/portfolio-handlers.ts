import { listLiveAccountDates } from '../../storage/db/repositories/insight-accounts-repository';
import { portfolioFacts } from '../../services/portfolio/portfolio-facts';
import type { ApiHandlers } from '../api-handlers';
import type { HandlerDeps } from '../handler-deps';

type PortfolioHandlers = Pick<ApiHandlers, 'portfolio.facts'>;

/** Facts per live account for the portfolio's summary strip and setup checklists. */
export function portfolioHandlers({ workspace, now }: Pick<HandlerDeps, 'workspace' | 'now'>): PortfolioHandlers {
  const { db } = workspace;
  return {
    'portfolio.facts': async () => {
      const accounts = await listLiveAccountDates(db);
      return portfolioFacts(db, now().toISOString().slice(0, 10), accounts.map((account) => account.id));
    },
  };
}
