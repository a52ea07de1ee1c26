import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/harness-fixture';
import { PortfolioPage } from './pages/portfolio-page';

/*
 * What the window asks the backend for before the first account rows paint: only who the backend
 * is and the list, both sent as the script starts (not one after the other from React effects),
 * the list once; health, the setup facts and the saved views are asked for after the list answered.
 */

function apiMethod(url: string): string | null {
  const match = /\/api\/([^/?#]+)$/.exec(new URL(url).pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

test('the first rows wait only for app.info and the list; health, facts and views are asked for after the list answered', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const events: string[] = [];
  page.on('request', (request) => {
    const method = apiMethod(request.url());
    if (method) events.push(`sent ${method}`);
  });
  page.on('requestfinished', (request) => {
    const method = apiMethod(request.url());
    if (method) events.push(`answered ${method}`);
  });

  const portfolio = new PortfolioPage(page);
  await portfolio.open(harness.server.url);
  await expect(portfolio.rows).toHaveCount(9);
  const later = ['insights.portfolio', 'portfolio.facts', 'settings.get'];
  await expect.poll(() => later.filter((method) => events.includes(`answered ${method}`))).toEqual(later);

  const sent = events.filter((event) => event.startsWith('sent '));
  expect(sent.slice(0, 2).sort()).toEqual(['sent accounts.list', 'sent app.info']);
  expect(sent.filter((event) => event === 'sent accounts.list')).toHaveLength(1);
  const listAnswered = events.indexOf('answered accounts.list');
  expect(listAnswered).toBeGreaterThan(-1);
  for (const method of later) expect(events.indexOf(`sent ${method}`), `${method} after the list answered`).toBeGreaterThan(listAnswered);
});

/** The app's code: the scripts dist-web/index.html preloads beside its small entry script. */
function appCodeUrls(): string[] {
  const html = fs.readFileSync(path.resolve('dist-web/index.html'), 'utf8');
  return [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
}

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

// Records whether a start-up loader was ever on screen.
const RECORD_LOADERS = `
  window.__loadersSeen = [];
  new MutationObserver(() => {
    if (document.body?.textContent?.includes('Opening your workspace')) window.__loadersSeen.includes('app') || window.__loadersSeen.push('app');
    if (document.querySelector('[aria-label="Loading accounts"]')) window.__loadersSeen.includes('list') || window.__loadersSeen.push('list');
  }).observe(document, { childList: true, subtree: true });`;

test('the start-up calls go out while the app’s own code is still on its way', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const appCode = appCodeUrls();
  expect(appCode.length, 'index.html preloads the app beside its entry').toBeGreaterThan(0);
  const sent: string[] = [];
  page.on('request', (request) => {
    const method = apiMethod(request.url());
    if (method) sent.push(method);
  });
  const release = await holdScripts(page, appCode);

  await page.goto(harness.server.url, { waitUntil: 'commit' });
  await expect.poll(() => [...sent].sort()).toEqual(['accounts.list', 'app.info']);
  release();
  await expect(new PortfolioPage(page).rows).toHaveCount(9);
  expect(sent.filter((method) => method === 'accounts.list')).toHaveLength(1);
});

test('when the start-up answers are in before the app renders, its first render shows the rows, then health follows', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  await page.addInitScript(RECORD_ANSWERS_READ + RECORD_LOADERS);
  const release = await holdScripts(page, appCodeUrls());
  const portfolio = new PortfolioPage(page);

  await page.goto(harness.server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => {
    const read = (globalThis as unknown as { __answersRead?: string[] }).__answersRead ?? [];
    return read.includes('app.info') && read.includes('accounts.list');
  });
  release();

  await expect(portfolio.rows).toHaveCount(9);
  expect(await page.evaluate(() => (globalThis as unknown as { __loadersSeen: string[] }).__loadersSeen)).toEqual([]);
  await expect(portfolio.grid.locator('[data-health]')).toHaveCount(9);
  const read = await page.evaluate(() => (globalThis as unknown as { __answersRead: string[] }).__answersRead);
  expect(read.filter((method) => method === 'accounts.list'), 'the list was asked for once').toHaveLength(1);
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
