import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { atMost, median, spread } from './bench-row';
import { forgetStoredHealthSummaries, keepFactsFromAnEarlierSession } from './stored-summaries';

/*
 * The measurement behind portfolio-first-paint and pg-portfolio-first-paint: the browser harness
 * started in a fresh process on a workspace (a file or a postgres:// URL), Debian Chromium
 * navigating to it as soon as it prints its address; ms from navigation to the first account row
 * painted, and to every rendered row's health painted, read from the page itself. The figure's
 * runs are first opens of a day after a session earlier in the month (stored-summaries.ts: the
 * facts it kept are decided on the day); beside them, runs with nothing kept (the first open
 * after an app update or a full re-import: every account gathered).
 */

/** Fresh harness processes per row; the row's figures are their medians. */
export const PROCESSES = 3;
export const FIRST_ROW_LIMIT_MS = 500;
/** A frame counts as dropped when it took more than 1.5 × a 60 Hz frame. */
const DROPPED_FRAME_MS = 1.5 * (1000 / 60);
const GRID = '[role="grid"]';
const ROW_SELECTOR = `${GRID} [role="row"][data-row-index]`;
/** The account count above the grid: blank until the whole list is in. */
const COUNT_SELECTOR = '[data-testid="portfolio-count"]';

/* Injected before the app's scripts: stamps (ms since navigation) the animation frame after the
   first account row enters the DOM, and the frame after every rendered row shows its health
   (no cell of the grid still busy, a [data-health] cell in every row). */
const PAINT_PROBE = `
  (() => {
    const stamp = (key) => requestAnimationFrame(() => { window[key] ??= performance.now(); });
    const seen = () => {
      const rows = document.querySelectorAll(${JSON.stringify(ROW_SELECTOR)}).length;
      if (rows === 0) return;
      if (window.__benchFirstRow === undefined) { window.__benchFirstRow = true; stamp('__benchFirstRowPaintedMs'); }
      const busy = document.querySelectorAll(${JSON.stringify(`${GRID} [aria-busy="true"]`)}).length;
      const health = document.querySelectorAll(${JSON.stringify(`${GRID} [data-health]`)}).length;
      if (window.__benchHealth === undefined && busy === 0 && health >= rows) { window.__benchHealth = true; stamp('__benchHealthPaintedMs'); }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
  })();`;

/* Plain source (a function passed to page.evaluate would carry tsx's __name helper, and the CSP
   refuses eval): scrolls the grid one viewport per animation frame to the bottom. */
const SCROLL_PROBE = `
  window.__benchScrollToBottom = async ({ droppedFrameMs }) => {
    const grid = document.querySelector('[role="grid"]');
    const deltas = [];
    await new Promise((resolve) => {
      let last = 0;
      const tick = (at) => {
        deltas.push(at - last);
        last = at;
        if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) return resolve();
        grid.scrollTop += grid.clientHeight;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame((at) => { last = at; grid.scrollTop += grid.clientHeight; requestAnimationFrame(tick); });
    });
    return { frames: deltas.length, dropped: deltas.filter((d) => d > droppedFrameMs).length, worstFrameMs: Math.max(...deltas) };
  };`;

interface Harness {
  url: string;
  child: ChildProcess;
}

/** Starts the browser harness (`node scripts/web.mjs --no-build`) in a fresh process on `db`; resolves once it serves. */
function startHarness(db: string, appData: string): Promise<Harness> {
  const child = spawn(process.execPath, ['scripts/web.mjs', '--no-build', '--db', db, '--app-data', appData], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the harness did not start: ${out}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /open:\s+(\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`the harness exited with ${code}: ${out}`)));
  });
}

async function stopHarness(harness: Harness): Promise<void> {
  const exited = new Promise((resolve) => harness.child.once('exit', resolve));
  harness.child.kill('SIGTERM');
  await exited;
}

export interface PaintTimes {
  firstRowMs: number;
  healthMs: number;
}

async function loadAndWait(page: Page, url: string): Promise<PaintTimes> {
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as { __benchHealthPaintedMs?: number }).__benchHealthPaintedMs !== undefined, undefined, { timeout: 120_000 });
  return page.evaluate(() => {
    const w = globalThis as unknown as { __benchFirstRowPaintedMs: number; __benchHealthPaintedMs: number };
    return { firstRowMs: w.__benchFirstRowPaintedMs, healthMs: w.__benchHealthPaintedMs };
  });
}

export interface FirstPaintRuns {
  /** One a fresh harness process, the first open of a day after a session earlier in the month. */
  firstOfDay: PaintTimes[];
  /** One a fresh harness process with no summary facts kept: the first load after it served. */
  nothingKept: PaintTimes[];
  /** With `warmReload`: a reload in each nothing-kept process (after about:blank), on the same harness. */
  warm: PaintTimes[];
  /** With `scroll`: the last nothing-kept process's grid scrolled one viewport a frame to the bottom. */
  scroll: { frames: number; dropped: number; worstFrameMs: number } | null;
}

/** Starts a harness on `db`, opens a page with `probe` injected, hands both to `use`, then stops them. */
async function inFreshHarness<T>(browser: Browser, options: { db: string; appData: string }, probe: string, use: (page: Page, url: string) => Promise<T>): Promise<T> {
  const harness = await startHarness(options.db, options.appData);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.addInitScript(probe);
      return await use(page, harness.url);
    } finally {
      await page.close();
    }
  } finally {
    await stopHarness(harness);
  }
}

/**
 * Loads the portfolio in Chromium from `PROCESSES` fresh harness processes on `db` with nothing
 * kept, one after another, then from `PROCESSES` more after a session earlier in the month.
 * @example const runs = await measureFirstPaint({ db: 'portfolio.sqlite', appData, warmReload: true, scroll: true });
 */
export async function measureFirstPaint(options: { db: string; appData: string; warmReload: boolean; scroll: boolean }): Promise<FirstPaintRuns> {
  fs.mkdirSync(options.appData, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.QBR_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const runs: FirstPaintRuns = { firstOfDay: [], nothingKept: [], warm: [], scroll: null };
  try {
    for (let i = 0; i < PROCESSES; i++) {
      await forgetStoredHealthSummaries(options.db);
      const nothingKept = await inFreshHarness(browser, options, PAINT_PROBE + (options.scroll ? SCROLL_PROBE : ''), async (page, url) => {
        const first = await loadAndWait(page, url);
        if (options.warmReload) {
          await page.goto('about:blank');
          runs.warm.push(await loadAndWait(page, url));
        }
        if (options.scroll && i === PROCESSES - 1) {
          await page.waitForSelector(ROW_SELECTOR, { state: 'visible' });
          // The whole list, not the first screen's rows alone: their health paints with them, before the rest is in.
          await page.waitForFunction((selector) => {
            const count = (globalThis as unknown as { document: { querySelector(selector: string): { textContent: string | null } | null } }).document.querySelector(selector);
            return (count?.textContent ?? '').trim() !== '';
          }, COUNT_SELECTOR);
          runs.scroll = await page.evaluate(
            (probe) => (globalThis as unknown as { __benchScrollToBottom: (o: typeof probe) => Promise<NonNullable<FirstPaintRuns['scroll']>> }).__benchScrollToBottom(probe),
            { droppedFrameMs: DROPPED_FRAME_MS },
          );
        }
        return first;
      });
      runs.nothingKept.push(nothingKept);
    }
    // The harness runs on today's clock; the earlier session, on a day before it this month.
    await keepFactsFromAnEarlierSession(options.db, new Date());
    for (let i = 0; i < PROCESSES; i++) runs.firstOfDay.push(await inFreshHarness(browser, options, PAINT_PROBE, loadAndWait));
  } finally {
    await browser.close();
  }
  return runs;
}

/**
 * What both first-paint rows report from their runs against a health floor: the figure (median
 * health painted on the first open of a day), the first-row check on the same runs and the
 * figures beside them.
 * @example benchRow({ id, what, workload, unit: 'ms', floorIs, floor: floor.ms, ...firstPaintFigures(runs, floor.ms) });
 */
export function firstPaintFigures(runs: FirstPaintRuns, floorMs: number) {
  const firstRow = median(runs.firstOfDay.map((load) => load.firstRowMs));
  const health = runs.firstOfDay.map((load) => load.healthMs);
  const nothingKeptHealth = median(runs.nothingKept.map((load) => load.healthMs));
  return {
    figure: median(health),
    target: `first row ≤ ${FIRST_ROW_LIMIT_MS} ms; every health badge ≤ 1.5× floor`,
    ratioLimit: 1.5,
    checks: [atMost('first row painted (first open of a day)', firstRow, FIRST_ROW_LIMIT_MS, 'ms')],
    extra: {
      firstRowMs: Math.round(firstRow),
      firstRowSpreadMs: spread(runs.firstOfDay.map((load) => load.firstRowMs)),
      healthSpreadMs: spread(health),
      nothingKeptFirstRowMs: Math.round(median(runs.nothingKept.map((load) => load.firstRowMs))),
      nothingKeptHealthMs: Math.round(nothingKeptHealth),
      nothingKeptHealthRatio: Math.round((nothingKeptHealth / floorMs) * 100) / 100,
    },
  };
}
