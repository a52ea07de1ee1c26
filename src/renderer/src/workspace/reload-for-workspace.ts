import { useAppStore } from '../app/app-store';
import { usePortfolioStore } from '../portfolio/portfolio-store';
import { usePortfolioViewsStore } from '../portfolio/portfolio-views-store';

/**
 * After another workspace was opened, or this one restored or imported into: everything the
 * window shows is read again from the file now open. The app info (header path, first run) comes
 * back first; the portfolio, which keeps its list between visits, is emptied of the old file's
 * search and fetched again. Other screens load on mount.
 */
export async function reloadForWorkspace(options: { goToPortfolio: boolean }): Promise<void> {
  const app = useAppStore.getState();
  if (options.goToPortfolio) app.navigate({ name: 'portfolio' });
  const portfolio = usePortfolioStore.getState();
  portfolio.setSearchInput('');
  portfolio.rememberPosition(null);
  usePortfolioViewsStore.getState().reset();
  await app.load();
  if (useAppStore.getState().status !== 'ready') return;
  const list = usePortfolioStore.getState();
  await (list.appliedSearch === '' ? list.reload() : list.applySearch(''));
}
