import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { AccountSummary } from '../../../shared/api/schemas/account-schemas';
import type { PortfolioFacts } from '../../../shared/api/schemas/portfolio-schemas';
import { setupFactsOf, setupProgress } from '../setup-checklist/setup-checklist';
import { gridTemplateOf, minWidthOf, visibleColumns, type PortfolioColumn } from './portfolio-columns';
import { formatCalendarDate, formatTimestamp } from '../format';
import { afterNextPaint } from '../ui/after-paint';
import { CUSTOMER_SEGMENT_LABELS, REVENUE_MODEL_LABELS } from '../labels';
import { HEALTH_BAND_COLORS, HEALTH_BAND_LABELS, healthBandOf, SEVERITY_COLORS, SEVERITY_LABELS } from '../metrics/health-labels';
import type { PortfolioInsight, PortfolioSort, PortfolioSortKey } from './portfolio-sort';
import type { ListedFacts, ListPosition } from './portfolio-store';
import classes from './portfolio-table.module.css';

/** Fixed heights let the virtualiser place rows without measuring them (smooth at 5,000 rows). */
const ROW_HEIGHT_PX = 48;
/** Two model badges fit a row one above the other; more are counted ("+1"), all of them in the cell's title. */
const MAX_MODEL_BADGES = 2;
const HEADER_HEIGHT_PX = 40;
/** Rows drawn beyond the view on each side, so scrolling shows no gap; added once the first rows have painted. */
const OVERSCAN_ROWS = 8;
/**
 * What a window's height gives the grid's: the frame's header, the screen's title, summary and
 * toolbar above it and the padding below take about this much (283 + 20 px at 1440 × 900, 296 +
 * 16 at 1024 × 700). It decides only how many rows the first render draws before the grid exists
 * to be measured; the measurement right after corrects it.
 */
const ESTIMATED_SPACE_OUTSIDE_GRID_PX = 300;

interface PortfolioTableProps {
  accounts: AccountSummary[];
  /** Health and worst signal per account id; null while they are being worked out. */
  insights: ReadonlyMap<string, PortfolioInsight> | null;
  /** Setup facts (last assessment, decks) per account id; null until loaded. */
  facts: ReadonlyMap<string, PortfolioFacts> | null;
  /** What the first rows brought (kept health, setup facts), shown while `insights` or `facts` is null. */
  listed: ListedFacts | null;
  sort: PortfolioSort;
  /** Restored on mount; the active row also takes focus when `position` is given. */
  position: ListPosition | null;
  onSort(key: PortfolioSortKey): void;
  onOpen(account: AccountSummary, position: ListPosition): void;
}

/**
 * The accounts as an ARIA grid: only the rows in view (plus a few) are in the DOM. One row is in the
 * tab order at a time; arrows, Page Up/Down, Home/End move between rows and Enter opens the account.
 */
export function PortfolioTable({ accounts, insights, facts, listed, sort, position, onSort, onOpen }: PortfolioTableProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const columns = useFittingColumns(scrollerRef);
  const [activeIndex, setActiveIndex] = useState(position?.activeIndex ?? 0);
  const focusAfterRender = useRef(position !== null);
  // The first render draws the rows in view only, at a size estimated from the window (so it
  // needs no second render once measured): on a busy laptop every row drawn before the first
  // paint delays it. The rows beyond the view follow right after.
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    void afterNextPaint().then(() => setOverscan(OVERSCAN_ROWS));
  }, []);

  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan,
    initialRect: { width: window.innerWidth, height: Math.max(0, window.innerHeight - ESTIMATED_SPACE_OUTSIDE_GRID_PX) },
    scrollMargin: HEADER_HEIGHT_PX,
    scrollPaddingStart: HEADER_HEIGHT_PX,
    initialOffset: position?.scrollOffsetPx ?? 0,
  });

  const clampedActive = Math.min(activeIndex, Math.max(accounts.length - 1, 0));

  // Keyboard moves can target a row that is not rendered yet; focus it once the virtualiser has drawn
  // it. Until focus leaves the grid: a move that scrolls far can draw the row, drop it when a range
  // from an earlier move lands, and draw it again, and the focus must follow it there.
  useEffect(() => {
    if (!focusAfterRender.current) return;
    const row = scrollerRef.current?.querySelector<HTMLElement>(`[data-row-index="${clampedActive}"]`);
    if (row && document.activeElement !== row) row.focus({ preventScroll: true });
  });

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(accounts.length - 1, index));
    focusAfterRender.current = true;
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function handleRowKeyDown(event: KeyboardEvent<HTMLDivElement>, index: number) {
    const pageRows = Math.max(1, Math.floor(((scrollerRef.current?.clientHeight ?? 0) - HEADER_HEIGHT_PX) / ROW_HEIGHT_PX) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: accounts.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(index);
    }
  }

  function open(index: number) {
    const account = accounts[index];
    if (account) onOpen(account, { scrollOffsetPx: scrollerRef.current?.scrollTop ?? 0, activeIndex: index });
  }

  const sizes = {
    '--portfolio-row-height': `${ROW_HEIGHT_PX}px`,
    '--portfolio-header-height': `${HEADER_HEIGHT_PX}px`,
    '--portfolio-columns': gridTemplateOf(columns),
    '--portfolio-min-width': `${minWidthOf(columns)}px`,
  } as CSSProperties;

  return (
    <div
      ref={scrollerRef}
      className={classes.scroller}
      style={sizes}
      role="grid"
      aria-label="Accounts"
      aria-rowcount={accounts.length + 1}
      aria-colcount={columns.length}
      data-testid="portfolio-grid"
      onBlur={(event) => {
        // Focus moved on purpose to something other than a row (a column's sort button, the search
        // box): it stays there. A dropped row leaves it nowhere (no related target).
        const to = event.relatedTarget;
        if (to && !(to.getAttribute('role') === 'row' && event.currentTarget.contains(to))) focusAfterRender.current = false;
      }}
    >
      <div role="rowgroup">
        <div className={classes.header} role="row" aria-rowindex={1}>
          {columns.map((column) => {
            const sortKey = column.sortKey;
            if (sortKey === null) {
              return (
                <div key={column.id} role="columnheader" className={classes.plainHeader}>
                  {column.label}
                </div>
              );
            }
            const sorted = sort.key === sortKey;
            return (
              <div key={column.id} role="columnheader" aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className={classes.sortButton} onClick={() => onSort(sortKey)}>
                  {column.label}
                  <span className={sorted ? classes.sortIndicator : classes.inactiveIndicator} aria-hidden="true">
                    {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>

      <div role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const account = accounts[item.index];
          if (!account) return null;
          return (
            <div
              key={account.id}
              role="row"
              aria-rowindex={item.index + 2}
              data-row-index={item.index}
              tabIndex={item.index === clampedActive ? 0 : -1}
              className={classes.bodyRow}
              style={{ transform: `translateY(${item.start - HEADER_HEIGHT_PX}px)` }}
              onClick={() => open(item.index)}
              onFocus={() => setActiveIndex(item.index)}
              onKeyDown={(event) => handleRowKeyDown(event, item.index)}
            >
              <AccountRowCells
                account={account}
                columns={columns}
                insight={insights ? (insights.get(account.id) ?? null) : listed?.health.get(account.id)}
                facts={facts ? facts.get(account.id) : listed?.setup.get(account.id)}
                factsLoaded={facts !== null || (listed?.setup.has(account.id) ?? false)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * Measures the grid and keeps the columns that fit it, so a 1024-pixel window shows the list
 * without a horizontal scrollbar (the least-read columns give way first).
 */
function useFittingColumns(scrollerRef: React.RefObject<HTMLDivElement | null>): PortfolioColumn[] {
  const [columns, setColumns] = useState(() => visibleColumns(0));
  useLayoutEffect(() => {
    const element = scrollerRef.current;
    if (!element) return;
    // The same columns keep the same array, so a measurement that changes nothing renders nothing again.
    const fit = () => {
      const next = visibleColumns(element.clientWidth);
      setColumns((current) => (sameColumns(current, next) ? current : next));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollerRef]);
  return columns;
}

function sameColumns(a: readonly PortfolioColumn[], b: readonly PortfolioColumn[]): boolean {
  return a.length === b.length && a.every((column, index) => column.id === b[index]!.id);
}

interface AccountRowCellsProps {
  account: AccountSummary;
  columns: readonly PortfolioColumn[];
  /** Undefined while health is being worked out, null for an account the answer did not cover. */
  insight: PortfolioInsight | null | undefined;
  facts: PortfolioFacts | undefined;
  factsLoaded: boolean;
}

/** Memoised: the grid renders again on every scroll step and focus move; a row's cells only when their data changes. */
const AccountRowCells = memo(function AccountRowCells({ account, columns, insight, facts, factsLoaded }: AccountRowCellsProps) {
  const segment = CUSTOMER_SEGMENT_LABELS[account.customerSegment];
  const models = account.revenueModels.map((model) => REVENUE_MODEL_LABELS[model]);
  const cell = (id: PortfolioColumn['id']) => {
    switch (id) {
      case 'name':
        return (
          <div key={id} role="gridcell" className={classes.nameCell} title={account.name}>
            {account.name}
          </div>
        );
      case 'health':
        return <HealthCell key={id} insight={insight} hasMetrics={account.latestMetricMonth !== null} />;
      case 'signals':
        return <SignalsCell key={id} insight={insight} />;
      case 'setup':
        return <SetupCell key={id} account={account} facts={facts} loaded={factsLoaded} />;
      case 'customerSegment':
        return (
          <div key={id} role="gridcell" className={classes.cell} title={segment}>
            {segment}
          </div>
        );
      case 'revenueModels':
        return (
          <div key={id} role="gridcell" className={classes.cell} title={models.join(', ')}>
            {models.length > 0 ? (
              <div className={classes.models}>
                {models.slice(0, MAX_MODEL_BADGES).map((label) => (
                  <CellBadge key={label} className={classes.modelBadge}>
                    {label}
                  </CellBadge>
                ))}
                {models.length > MAX_MODEL_BADGES && <span className={classes.more}>+{models.length - MAX_MODEL_BADGES}</span>}
              </div>
            ) : (
              <span className={classes.dimmed}>Not set up</span>
            )}
          </div>
        );
      case 'renewalDate':
        return (
          <div key={id} role="gridcell" className={account.renewalDate ? classes.cell : `${classes.cell} ${classes.dimmed}`}>
            {formatCalendarDate(account.renewalDate)}
          </div>
        );
      case 'updatedAt':
        return (
          <div key={id} role="gridcell" className={classes.cell}>
            {formatTimestamp(account.updatedAt)}
          </div>
        );
    }
  };
  return <>{columns.map((column) => cell(column.id))}</>;
});

/** Setup toward the first QBR: "3 of 5" with a bar and the next step as a tooltip, or "Ready". */
function SetupCell({ account, facts, loaded }: { account: AccountSummary; facts: PortfolioFacts | undefined; loaded: boolean }) {
  const setupFacts = setupFactsOf(account, facts);
  if (!loaded || !setupFacts) return <div role="gridcell" className={`${classes.cell} ${classes.dimmed}`} aria-busy={!loaded}>…</div>;
  const progress = setupProgress(setupFacts);
  if (progress.complete) {
    return (
      <div role="gridcell" className={classes.cell} data-setup="complete" title="Streams, stakeholders, metrics, an assessment and a deck are all in place">
        <CellBadge color="teal">Ready</CellBadge>
      </div>
    );
  }
  return (
    <div role="gridcell" className={classes.cell} data-setup={`${progress.doneCount}/${progress.total}`} title={`Next: ${progress.next!.label.toLowerCase()}`}>
      <span className={classes.setup}>
        <span className={classes.setupCount}>
          {progress.doneCount} of {progress.total}
        </span>
        <span className={classes.setupBar} aria-hidden="true">
          <span style={{ width: `${(progress.doneCount / progress.total) * 100}%` }} />
        </span>
      </span>
    </div>
  );
}

function HealthCell({ insight, hasMetrics }: { insight: PortfolioInsight | null | undefined; hasMetrics: boolean }) {
  if (insight === undefined) return <div role="gridcell" className={`${classes.cell} ${classes.dimmed}`} aria-busy="true">…</div>;
  const score = insight?.healthScore ?? null;
  if (score === null) {
    return (
      <div
        role="gridcell"
        className={`${classes.cell} ${classes.dimmed}`}
        data-health=""
        title={hasMetrics ? 'No health score: no component had the data it needs' : 'No health score until monthly metrics are recorded'}
      >
        {hasMetrics ? 'Not available' : 'No metrics yet'}
      </div>
    );
  }
  const band = healthBandOf(score);
  return (
    <div role="gridcell" className={classes.cell} data-health={score}>
      <span className={classes.score}>{Math.round(score)}</span>
      <CellBadge color={HEALTH_BAND_COLORS[band]}>{HEALTH_BAND_LABELS[band]}</CellBadge>
    </div>
  );
}

function SignalsCell({ insight }: { insight: PortfolioInsight | null | undefined }) {
  if (insight === undefined) return <div role="gridcell" className={`${classes.cell} ${classes.dimmed}`} aria-busy="true">…</div>;
  if (!insight?.worstSeverity) {
    return (
      <div role="gridcell" className={`${classes.cell} ${classes.dimmed}`} data-severity="">
        None
      </div>
    );
  }
  const more = insight.signalCount - 1;
  return (
    <div role="gridcell" className={classes.cell} data-severity={insight.worstSeverity} title={`${insight.signalCount} signal${insight.signalCount === 1 ? '' : 's'}; the worst is ${SEVERITY_LABELS[insight.worstSeverity].toLowerCase()}`}>
      <CellBadge color={SEVERITY_COLORS[insight.worstSeverity]}>{SEVERITY_LABELS[insight.worstSeverity]}</CellBadge>
      {more > 0 && <span className={classes.more}>+{more}</span>}
    </div>
  );
}

/**
 * A small light badge, as Mantine's `<Badge variant="light" size="sm" radius="sm">` draws it, in
 * plain elements: a screen of rows holds some sixty of them, and the grid paints them as it
 * starts, so each is one span and a class instead of a component tree (portfolio-table.module.css).
 * `color` is a theme colour; the primary colour when absent.
 */
function CellBadge({ color, className, children }: { color?: string; className?: string; children: string }) {
  const tone = color ? `--mantine-color-${color}` : '--mantine-primary-color';
  const style = { '--cell-badge-bg': `var(${tone}-light)`, '--cell-badge-color': `var(${tone}-light-color)` } as CSSProperties;
  return (
    <span className={className ? `${classes.badge} ${className}` : classes.badge} style={style} data-cell-badge="">
      <span className={classes.badgeLabel}>{children}</span>
    </span>
  );
}
