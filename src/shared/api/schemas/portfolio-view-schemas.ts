import { z } from 'zod';
import { CUSTOMER_SEGMENTS, REVENUE_MODELS } from '../../framework/keys';
import { ACCOUNT_SORT_KEYS } from './account-schemas';
import { NO_PORTFOLIO_FILTERS } from '../../portfolio/no-portfolio-filters';

/*
 * Saved portfolio views: a named search, set of filters and sort order, kept in the workspace's
 * settings (`portfolioViews`) so they travel with the workspace file and its JSON export.
 */

/** Health as the filter offers it: the engine's bands, or no score yet. */
export const PORTFOLIO_HEALTH_FILTERS = ['healthy', 'watch', 'at_risk', 'no_score'] as const;
export type PortfolioHealthFilter = (typeof PORTFOLIO_HEALTH_FILTERS)[number];

/** The worst signal an account has, or none. */
export const PORTFOLIO_SIGNAL_FILTERS = ['critical', 'warning', 'info', 'none'] as const;
export type PortfolioSignalFilter = (typeof PORTFOLIO_SIGNAL_FILTERS)[number];

export const PORTFOLIO_SETUP_FILTERS = ['any', 'incomplete', 'complete'] as const;
export type PortfolioSetupFilter = (typeof PORTFOLIO_SETUP_FILTERS)[number];

/** Columns the portfolio sorts by: the backend's keys plus those sorted in the renderer. */
export const PORTFOLIO_SORT_KEYS = [...ACCOUNT_SORT_KEYS, 'revenueModels', 'health', 'signals'] as const;
export type PortfolioSortKey = (typeof PORTFOLIO_SORT_KEYS)[number];

/** Which accounts the list shows; an empty list of choices means "any". */
export const portfolioFiltersSchema = z
  .object({
    health: z.array(z.enum(PORTFOLIO_HEALTH_FILTERS)).max(PORTFOLIO_HEALTH_FILTERS.length).default(() => [...NO_PORTFOLIO_FILTERS.health]),
    signals: z.array(z.enum(PORTFOLIO_SIGNAL_FILTERS)).max(PORTFOLIO_SIGNAL_FILTERS.length).default(() => [...NO_PORTFOLIO_FILTERS.signals]),
    revenueModels: z.array(z.enum(REVENUE_MODELS)).max(REVENUE_MODELS.length).default(() => [...NO_PORTFOLIO_FILTERS.revenueModels]),
    segments: z.array(z.enum(CUSTOMER_SEGMENTS)).max(CUSTOMER_SEGMENTS.length).default(() => [...NO_PORTFOLIO_FILTERS.segments]),
    /** Renewal between today and today + this many days; null for any date (or none). */
    renewalWithinDays: z.number().int().min(1).max(1_000).nullable().default(NO_PORTFOLIO_FILTERS.renewalWithinDays),
    setup: z.enum(PORTFOLIO_SETUP_FILTERS).default(NO_PORTFOLIO_FILTERS.setup),
  })
  .strict();
export type PortfolioFilters = z.infer<typeof portfolioFiltersSchema>;

export const portfolioSortSchema = z.object({ key: z.enum(PORTFOLIO_SORT_KEYS), direction: z.enum(['asc', 'desc']) }).strict();

export const portfolioViewSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1, 'Name the view').max(80, 'Keep the name under 80 characters'),
    search: z.string().max(200).default(''),
    filters: portfolioFiltersSchema,
    sort: portfolioSortSchema,
  })
  .strict();
export type PortfolioView = z.infer<typeof portfolioViewSchema>;

/** The saved views, at most 50, each id once. */
export const portfolioViewsSchema = z
  .array(portfolioViewSchema)
  .max(50, 'Keep at most 50 saved views')
  .refine((views) => new Set(views.map((view) => view.id)).size === views.length, 'Each saved view needs its own id');
