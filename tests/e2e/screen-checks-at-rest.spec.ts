import { expectAccessible, LARGE_WINDOW } from './fixtures/screen-checks';
import { expect, test } from './fixtures/harness-fixture';
import { PortfolioPage } from './pages/portfolio-page';
import { WelcomePage } from './pages/welcome-page';

/*
 * The screen checks read a screen at rest. A toast scanned while it fades in is half-transparent and
 * fails the contrast rule, which is what once made CI red at random (the demo's "Demo portfolio
 * loaded" toast fading out during the filters' scan). Here the page's animations are slowed twenty
 * times so the fade is certain to be under way when the scan is asked for.
 */

test.use({ viewport: LARGE_WINDOW });

test('the accessibility scan waits for a toast that is still fading in', async ({ page, harness }) => {
  const welcome = new WelcomePage(page);
  const portfolio = new PortfolioPage(page);
  await welcome.open(harness.server.url);
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Animation.enable');
  await devtools.send('Animation.setPlaybackRate', { playbackRate: 0.05 });

  await welcome.loadDemo();
  await expect(portfolio.rows).toHaveCount(9);
  await expect(page.getByText('Demo portfolio loaded')).toBeVisible();
  await expectAccessible(page, 'the demo portfolio while its toast fades in');
});
