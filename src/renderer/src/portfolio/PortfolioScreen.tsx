import { Alert, Button, CloseButton, Group, Kbd, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys, useOs } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAccountFormStore } from '../account-form/account-form-store';
import { useAppStore } from '../app/app-store';
import { todayIsoDate } from '../dates';
import { PortfolioDecksButton } from '../deck-builder/PortfolioDecksButton';
import { countOf } from '../format';
import { ImportMetricsButton } from '../metrics-import/ImportMetricsButton';
import { afterNextPaint } from '../ui/after-paint';
import { ScreenTitle } from '../ui/ScreenTitle';
import { NoAccountsYet, NoFilterMatches, NoSearchMatches } from './PortfolioEmptyState';
import { usePortfolioFactsStore } from './portfolio-facts-store';
import { activeFilterCount, filterAccounts } from './portfolio-filters';
import { PortfolioFiltersButton } from './PortfolioFiltersButton';
import { usePortfolioStore } from './portfolio-store';
import { portfolioSummary } from './portfolio-summary';
import { PortfolioSummaryStrip } from './PortfolioSummaryStrip';
import { PortfolioTable } from './PortfolioTable';
import { BUILT_IN_VIEWS } from './portfolio-views';
import { usePortfolioViewsStore } from './portfolio-views-store';
import { PortfolioViewsBar } from './PortfolioViewsBar';

const SEARCH_DEBOUNCE_MS = 250;

/** Every live account with a summary strip, views and filters; searchable and sortable; the starting point of the app. */
export function PortfolioScreen() {
  const { searchInput, appliedSearch, sort, accounts, complete, insights, insightsError, listed, status, error, setSearchInput, applySearch, toggleSort, reload } =
    usePortfolioStore();
  const facts = usePortfolioFactsStore((state) => state.facts);
  const filters = usePortfolioViewsStore((state) => state.filters);
  // Read once: the position applies to this visit only, so leaving via the navigation starts at the top.
  const [returnPosition] = useState(() => usePortfolioStore.getState().returnPosition);
  const navigate = useAppStore((state) => state.navigate);
  const openCreate = useAccountFormStore((state) => state.openCreate);
  const [debouncedSearch] = useDebouncedValue(searchInput, SEARCH_DEBOUNCE_MS);
  const searchRef = useRef<HTMLInputElement>(null);
  const os = useOs();
  const today = todayIsoDate();

  useEffect(() => {
    usePortfolioStore.getState().rememberPosition(null);
    // A stream, metric or import change made on an account screen shows as soon as the list is back in view.
    void usePortfolioStore.getState().refreshIfStale();
  }, []);

  // The list itself reloads on its own; the setup facts and saved views follow it (account created,
  // demo loaded, import done, a view saved), asked for once its rows have painted, so the first
  // rows wait for nothing but the list.
  useEffect(() => {
    if (status !== 'ready') return;
    void afterNextPaint().then(() => {
      void usePortfolioFactsStore.getState().refreshIfStale();
      void usePortfolioViewsStore.getState().loadIfStale();
    });
  }, [accounts, status]);

  useEffect(() => {
    void applySearch(debouncedSearch);
  }, [debouncedSearch, applySearch]);

  // Works from the search box too; the browser's own Ctrl+N is suppressed where the platform allows.
  useHotkeys([['mod+N', openCreate, { preventDefault: true }]], []);

  const filtered = useMemo(() => filterAccounts(accounts, filters, { insights, facts, today, complete }), [accounts, filters, insights, facts, today, complete]);
  const summary = useMemo(() => portfolioSummary(filtered.rows, insights, facts, today, complete), [filtered.rows, insights, facts, today, complete]);

  function clearSearch() {
    setSearchInput('');
    void applySearch('');
    searchRef.current?.focus();
  }

  const searching = appliedSearch.trim() !== '';
  const filtering = activeFilterCount(filters) > 0;
  const isMac = os === 'macos';
  const current = { search: searchInput, filters, sort };
  const showView = (id: string) => void usePortfolioViewsStore.getState().apply(BUILT_IN_VIEWS.find((view) => view.id === id)!);

  return (
    <Stack h="100%" gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <ScreenTitle>Portfolio</ScreenTitle>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="portfolio-count">
            {status === 'ready' && complete ? summaryLine(filtered.rows.length, accounts.length, searching, filtering) : '\u00a0'}
          </Text>
        </Stack>
        <Group gap="sm" wrap="nowrap">
          <ImportMetricsButton onImported={() => void reload()} />
          <PortfolioDecksButton disabled={status !== 'ready' || (accounts.length === 0 && !searching)} />
          <Button onClick={openCreate} rightSection={<Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}+N</Kbd>}>
            New account
          </Button>
        </Group>
      </Group>

      {status === 'error' && (
        <Alert color="red" variant="light" title="Couldn't load your accounts">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{error}</Text>
            <Button size="xs" variant="default" onClick={() => void reload()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )}

      {insightsError && status === 'ready' && (
        <Alert color="yellow" variant="light" title="Health and signals couldn't be worked out">
          {insightsError}
        </Alert>
      )}

      {status === 'ready' && (accounts.length > 0 || searching) && (
        <>
          <PortfolioSummaryStrip summary={summary} narrowed={searching || filtering} onShowRenewals={() => showView('renewing')} onShowAtRisk={() => showView('at-risk')} />
          <Group gap="sm" justify="space-between" align="center" wrap="wrap">
            <PortfolioViewsBar current={current} />
            <Group gap="sm" wrap="nowrap">
              <TextInput
                ref={searchRef}
                aria-label="Search accounts"
                placeholder="Search names and notes"
                value={searchInput}
                onChange={(event) => setSearchInput(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape' && searchInput) clearSearch();
                }}
                maxLength={200}
                w={240}
                rightSection={searchInput ? <CloseButton size="sm" aria-label="Clear search" onClick={clearSearch} /> : null}
              />
              <PortfolioFiltersButton
                filters={filters}
                onChange={(change) => usePortfolioViewsStore.getState().setFilters(change)}
                onClear={() => usePortfolioViewsStore.getState().clearFilters()}
              />
            </Group>
          </Group>
        </>
      )}

      {(status === 'idle' || status === 'loading' || (status === 'ready' && filtered.pending)) && (
        <Group justify="center" p="xl">
          <Loader aria-label="Loading accounts" />
        </Group>
      )}

      {status === 'ready' && accounts.length === 0 && !searching && <NoAccountsYet onCreate={openCreate} onLoaded={() => void reload()} />}
      {status === 'ready' && accounts.length === 0 && searching && <NoSearchMatches search={appliedSearch} onClear={clearSearch} />}
      {status === 'ready' && !filtered.pending && accounts.length > 0 && filtered.rows.length === 0 && (
        <NoFilterMatches onClear={() => usePortfolioViewsStore.getState().clearFilters()} />
      )}
      {status === 'ready' && !filtered.pending && filtered.rows.length > 0 && (
        <PortfolioTable
          accounts={filtered.rows}
          insights={insights}
          facts={facts}
          listed={listed}
          sort={sort}
          onSort={(key) => void toggleSort(key)}
          position={returnPosition}
          onOpen={(account, position) => {
            usePortfolioStore.getState().rememberPosition(position);
            navigate({ name: 'account', accountId: account.id });
          }}
        />
      )}
    </Stack>
  );
}

function summaryLine(shown: number, loaded: number, searching: boolean, filtering: boolean): string {
  if (filtering) return `${shown.toLocaleString()} of ${countOf(loaded, 'account')}${searching ? ' matching your search' : ''}`;
  if (!searching) return countOf(shown, 'account');
  return `${countOf(shown, 'account')} ${shown === 1 ? 'matches' : 'match'} your search`;
}
