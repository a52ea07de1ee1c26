import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness-fixture';
import { PortfolioPage } from './pages/portfolio-page';

/*
 * What the window asks the backend for before the first account rows paint: who the backend is and
 * the list, sent as the script starts (not one after the other from React effects), the list once.
 * The first rows bring the health the workspace kept and their setup; what needs every account
 * (health and the setup facts of the whole portfolio) is asked for once they have painted, so the
 * backend works it out after the window's busiest moment, not during it; the saved views too.
 */

function apiMethod(url: string): string | null {
  const match = /\/api\/([^/?#]+)$/.exec(new URL(url).pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** Every API call the page sends and every answer it receives, in order ("sent M", "answered M"). */
function recordCalls(page: Page): string[] {
  const events: string[] = [];
  page.on('request', (request) => {
    const method = apiMethod(request.url());
    if (method) events.push(`sent ${method}`);
  });
  page.on('requestfinished', (request) => {
    const method = apiMethod(request.url());
    if (method) events.push(`answered ${method}`);
  });
  return events;
}

test('the start-up calls go out first, app.info and the list; health and the setup facts of every account once the first rows are in; the saved views after the list answered', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  await page.addInitScript(RECORD_FIRST_ROWS);
  const events = recordCalls(page);

  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await expect(portfolio.rows).toHaveCount(9);
  const later = ['insights.portfolio', 'portfolio.facts', 'settings.get'];
  await expect.poll(() => later.filter((method) => events.includes(`answered ${method}`))).toEqual(later);

  const sent = events.filter((event) => event.startsWith('sent '));
  expect(sent.slice(0, 2).sort()).toEqual(['sent accounts.list', 'sent app.info']);
  for (const method of ['accounts.list', 'insights.portfolio', 'portfolio.facts']) expect(sent.filter((event) => event === `sent ${method}`), `${method} once`).toHaveLength(1);
  const listAnswered = events.indexOf('answered accounts.list');
  expect(listAnswered).toBeGreaterThan(-1);
  expect(events.indexOf('sent settings.get'), 'the saved views after the list answered').toBeGreaterThan(listAnswered);
  const { rowsAt, sentAt } = await page.evaluate(() => {
    const w = globalThis as unknown as { __firstRowsAt: number; performance: { getEntriesByType(type: string): { name: string; startTime: number }[] } };
    const sentAt = (method: string) => w.performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(`/api/${method}`))?.startTime ?? -1;
    return { rowsAt: w.__firstRowsAt, sentAt: { health: sentAt('insights.portfolio'), facts: sentAt('portfolio.facts') } };
  });
  expect(sentAt.health, 'every account’s health is asked for once the first rows are in').toBeGreaterThan(rowsAt);
  expect(sentAt.facts, 'every account’s setup facts are asked for once the first rows are in').toBeGreaterThan(rowsAt);
});

/** The app's code: the scripts dist-web/index.html preloads beside its small entry script. */
function appCodeUrls(): string[] {
  const html = fs.readFileSync(path.resolve('dist-web/index.html'), 'utf8');
  return [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
}

test('the code the first screen runs (the entry and what it preloads) is marked for V8 to compile eagerly; the screens loaded later are not', () => {
  const html = fs.readFileSync(path.resolve('dist-web/index.html'), 'utf8');
  const entry = /<script[^>]*src="([^"]+)"/.exec(html)?.[1];
  expect(entry).toBeTruthy();
  const firstScreen = new Set([entry!, ...appCodeUrls()].map((url) => path.basename(url)));
  const scripts = fs.readdirSync('dist-web/assets').filter((name) => name.endsWith('.js'));
  const marked = scripts.filter((name) => fs.readFileSync(path.resolve('dist-web/assets', name), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'));
  expect(scripts.length - firstScreen.size, 'the screens loaded when opened').toBeGreaterThan(5);
  expect(marked.sort()).toEqual([...firstScreen].sort());
});

/** Holds the responses for `urls` until `release` is called. */
async function holdScripts(page: Page, urls: string[]): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => urls.includes(url.pathname), async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

// Records, in the page, every API answer the page has read (its JSON parsed), in order.
const RECORD_ANSWERS_READ = `
  window.__answersRead = [];
  const json = Response.prototype.json;
  Response.prototype.json = function () {
    return json.call(this).then((value) => { window.__answersRead.push(new URL(this.url).pathname.replace('/api/', '')); return value; });
  };`;

// Records when (ms since navigation) the first account row entered the page.
const RECORD_FIRST_ROWS = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[role="grid"] [role="row"][data-row-index]')) return;
    window.__firstRowsAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });`;

// Records whether a start-up loader was ever on screen, and how many health badges came with the first rows.
const RECORD_LOADERS = `
  window.__loadersSeen = [];
  new MutationObserver(() => {
    if (document.body?.textContent?.includes('Opening your workspace')) window.__loadersSeen.includes('app') || window.__loadersSeen.push('app');
    if (document.querySelector('[aria-label="Loading accounts"]')) window.__loadersSeen.includes('list') || window.__loadersSeen.push('list');
    const rows = document.querySelectorAll('[role="grid"] [role="row"][data-row-index]').length;
    if (rows > 0 && window.__withFirstRows === undefined) window.__withFirstRows = ['data-health', 'data-setup'].map((name) => document.querySelectorAll('[role="grid"] [' + name + ']').length);
  }).observe(document, { childList: true, subtree: true });`;

test('the start-up calls (app.info, the list) go out and are answered while the app’s own code is still on its way, each once; nothing else is asked for before it runs', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  expect((await harness.callApi('insights.portfolio', {})).ok).toBe(true);
  const appCode = appCodeUrls();
  expect(appCode.length, 'index.html preloads the app beside its entry').toBeGreaterThan(0);
  const events = recordCalls(page);
  const release = await holdScripts(page, appCode);

  await page.goto(harness.server.url, { waitUntil: 'commit' });
  const startUp = ['accounts.list', 'app.info'];
  await expect.poll(() => startUp.filter((method) => events.includes(`answered ${method}`))).toEqual(startUp);
  expect(events.filter((event) => event.startsWith('sent ')).sort()).toEqual(['sent accounts.list', 'sent app.info']);
  release();
  const portfolio = new PortfolioPage(page);
  await expect(portfolio.rows).toHaveCount(9);
  await expect(portfolio.grid.locator('[data-health]')).toHaveCount(9);
  await expect(portfolio.grid.locator('[data-setup]')).toHaveCount(9);
  for (const method of startUp) expect(events.filter((event) => event === `sent ${method}`), `${method} once`).toHaveLength(1);
});

test('when the start-up answers are in before the app renders, its first render shows the rows, their kept health and their setup', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  // A session before this one worked out the portfolio's health, which the workspace keeps.
  expect((await harness.callApi('insights.portfolio', {})).ok).toBe(true);
  await page.addInitScript(RECORD_ANSWERS_READ + RECORD_LOADERS);
  const release = await holdScripts(page, appCodeUrls());
  const portfolio = new PortfolioPage(page);

  await page.goto(harness.server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => {
    const read = (globalThis as unknown as { __answersRead?: string[] }).__answersRead ?? [];
    return ['app.info', 'accounts.list'].every((method) => read.includes(method));
  });
  release();

  await expect(portfolio.rows).toHaveCount(9);
  expect(await page.evaluate(() => (globalThis as unknown as { __loadersSeen: string[] }).__loadersSeen)).toEqual([]);
  expect(await page.evaluate(() => (globalThis as unknown as { __withFirstRows: number[] }).__withFirstRows), 'health and setup painted with the first rows').toEqual([9, 9]);
  await expect(page.getByTestId('summary-at-risk-value')).not.toHaveText('…');
  const read = await page.evaluate(() => (globalThis as unknown as { __answersRead: string[] }).__answersRead);
  expect(read.filter((method) => method === 'accounts.list'), 'the list was asked for once').toHaveLength(1);
  for (const method of ['insights.portfolio', 'portfolio.facts']) expect(read.filter((read) => read === method), `${method} was asked for once`).toHaveLength(1);
});

test('a book longer than a screen paints the first 100 accounts first; the counts wait for the rest, which is asked for once they have painted', async ({ page, harness }) => {
  const create = harness.backend.handlers['accounts.create'];
  const nameOf = (n: number) => `Account ${String(n).padStart(3, '0')}`;
  for (let n = 1; n <= 150; n++) {
    await create({ name: nameOf(n), customerSegment: 'employer', buyerType: 'employer', notes: '', renewalDate: null, contractStartDate: null });
  }
  const lists: { limit?: number }[] = [];
  let releaseRest!: () => void;
  const restHeld = new Promise<void>((resolve) => (releaseRest = resolve));
  await page.route('**/api/accounts.list', async (route) => {
    const input = route.request().postDataJSON() as { limit?: number };
    lists.push(input);
    if (input.limit === undefined) await restHeld;
    await route.continue();
  });
  const portfolio = new PortfolioPage(page);

  await portfolio.open(harness.server.url);
  await expect(portfolio.row(nameOf(1))).toBeVisible();
  await expect.poll(() => lists.length).toBe(2);
  expect(lists[0]).toMatchObject({ limit: 100 });
  expect(lists[1]).not.toHaveProperty('limit');
  // While the rest is on its way, nothing counts only the first screen.
  expect(await portfolio.count.textContent()).toBe('\u00a0');
  await expect(page.getByTestId('summary-accounts-value')).toHaveText('…');
  await expect(page.getByTestId('summary-renewals-value')).toHaveText('…');

  releaseRest();
  await expect(portfolio.count).toHaveText('150 accounts');
  await expect(page.getByTestId('summary-accounts-value')).toHaveText('150');
  await expect(portfolio.grid).toHaveAttribute('aria-rowcount', '151');
  await portfolio.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
  await expect(portfolio.row(nameOf(150))).toBeInViewport();
  expect(lists).toHaveLength(2);
});

test('the first rows paint with the health the workspace kept and their setup, while every account’s health and setup facts are still on their way', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  // A session before this one worked out the portfolio's health, which the workspace keeps.
  expect((await harness.callApi('insights.portfolio', {})).ok).toBe(true);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const whole = ['/api/insights.portfolio', '/api/portfolio.facts'];
  await page.route((url) => whole.includes(url.pathname), async (route) => {
    await held;
    await route.continue();
  });
  const portfolio = new PortfolioPage(page);

  await portfolio.open(harness.server.url);
  await expect(portfolio.rows).toHaveCount(9);
  await expect(portfolio.grid.locator('[data-health]'), 'health in every row').toHaveCount(9);
  await expect(portfolio.grid.locator('[data-setup]'), 'setup in every row').toHaveCount(9);
  await expect(portfolio.grid.locator('[aria-busy="true"]')).toHaveCount(0);
  // What needs every account waits for the whole portfolio: the summary strip's health counts.
  await expect(page.getByTestId('summary-at-risk-value')).toHaveText('…');

  release();
  await expect(page.getByTestId('summary-at-risk-value')).not.toHaveText('…');
  await expect(portfolio.grid.locator('[data-health]')).toHaveCount(9);
});

/** Holds the start-up list's answer until `release` is called. */
async function holdStartUpList(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/accounts.list', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('when the app’s code is ready a moment before the list, the window waits for the list: its first render shows the rows, never a loader', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  expect((await harness.callApi('insights.portfolio', {})).ok).toBe(true);
  await page.addInitScript(RECORD_LOADERS);
  const release = await holdStartUpList(page);

  await page.goto(harness.server.url, { waitUntil: 'commit' });
  // The app's code has run and is waiting for the first rows (the root says it is busy).
  await expect(page.locator('#root')).toHaveAttribute('aria-busy', 'true');
  release();

  const portfolio = new PortfolioPage(page);
  await expect(portfolio.rows).toHaveCount(9);
  await expect(page.locator('#root')).not.toHaveAttribute('aria-busy');
  expect(await page.evaluate(() => (globalThis as unknown as { __loadersSeen: string[] }).__loadersSeen)).toEqual([]);
  expect(await page.evaluate(() => (globalThis as unknown as { __withFirstRows: number[] }).__withFirstRows), 'health and setup painted with the first rows').toEqual([9, 9]);
});

test('a list slower than a moment does not keep the window blank: the frame paints with the accounts loading, then the rows', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const release = await holdStartUpList(page);
  const portfolio = new PortfolioPage(page);

  await portfolio.open(harness.server.url);
  await expect(page.getByLabel('Loading accounts')).toBeVisible();
  await expect(page.locator('#root')).not.toHaveAttribute('aria-busy');
  release();

  await expect(portfolio.rows).toHaveCount(9);
  await expect(page.getByLabel('Loading accounts')).toHaveCount(0);
});
