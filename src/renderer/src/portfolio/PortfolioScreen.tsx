import { Alert, Button, CloseButton, Group, Kbd, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys, useOs } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useAccountFormStore } from '../account-form/account-form-store';
import { useAppStore } from '../app/app-store';
import { PortfolioDecksButton } from '../deck-builder/PortfolioDecksButton';
import { countOf } from '../format';
import { ImportMetricsButton } from '../metrics-import/ImportMetricsButton';
import { NoAccountsYet, NoSearchMatches } from './PortfolioEmptyState';
import { usePortfolioStore } from './portfolio-store';
import { PortfolioTable } from './PortfolioTable';
import { ScreenTitle } from '../ui/ScreenTitle';

const SEARCH_DEBOUNCE_MS = 250;

/** Every live account, searchable and sortable; the starting point of the app. */
export function PortfolioScreen() {
  const { searchInput, appliedSearch, sort, accounts, insights, insightsError, status, error, setSearchInput, applySearch, toggleSort, reload } =
    usePortfolioStore();
  // Read once: the position applies to this visit only, so leaving via the navigation starts at the top.
  const [returnPosition] = useState(() => usePortfolioStore.getState().returnPosition);
  const navigate = useAppStore((state) => state.navigate);
  const openCreate = useAccountFormStore((state) => state.openCreate);
  const [debouncedSearch] = useDebouncedValue(searchInput, SEARCH_DEBOUNCE_MS);
  const searchRef = useRef<HTMLInputElement>(null);
  const os = useOs();

  useEffect(() => {
    usePortfolioStore.getState().rememberPosition(null);
    // A stream, metric or import change made on an account screen shows as soon as the list is back in view.
    void usePortfolioStore.getState().refreshIfStale();
  }, []);

  useEffect(() => {
    void applySearch(debouncedSearch);
  }, [debouncedSearch, applySearch]);

  // Works from the search box too; the browser's own Ctrl+N is suppressed where the platform allows.
  useHotkeys([['mod+N', openCreate, { preventDefault: true }]], []);

  function clearSearch() {
    setSearchInput('');
    void applySearch('');
    searchRef.current?.focus();
  }

  const searching = appliedSearch.trim() !== '';
  const isMac = os === 'macos';

  return (
    <Stack h="100%" gap="md">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <ScreenTitle>Portfolio</ScreenTitle>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="portfolio-count">
            {status === 'ready' ? summaryLine(accounts.length, searching) : '\u00a0'}
          </Text>
        </Stack>
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
            w={280}
            rightSection={searchInput ? <CloseButton size="sm" aria-label="Clear search" onClick={clearSearch} /> : null}
          />
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

      {(status === 'idle' || status === 'loading') && (
        <Group justify="center" p="xl">
          <Loader aria-label="Loading accounts" />
        </Group>
      )}

      {status === 'ready' && accounts.length === 0 && !searching && (
        <NoAccountsYet onCreate={openCreate} onLoaded={() => void reload()} />
      )}
      {status === 'ready' && accounts.length === 0 && searching && <NoSearchMatches search={appliedSearch} onClear={clearSearch} />}
      {status === 'ready' && accounts.length > 0 && (
        <PortfolioTable
          accounts={accounts}
          insights={insights}
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

function summaryLine(count: number, searching: boolean): string {
  if (!searching) return countOf(count, 'account');
  return `${countOf(count, 'account')} ${count === 1 ? 'matches' : 'match'} your search`;
}
