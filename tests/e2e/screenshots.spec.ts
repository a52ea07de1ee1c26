import path from 'node:path';
import { expect, test } from './fixtures/harness-fixture';
import { AccountForm } from './pages/account-form';
import { AccountPage } from './pages/account-page';
import { Notifications } from './pages/notifications';
import { PortfolioPage } from './pages/portfolio-page';
import { WelcomePage } from './pages/welcome-page';

/*
 * Screenshots of each screen for a person to look at while building the UI, not assertions on pixels.
 * Run with: QBR_SCREENSHOTS_DIR=/tmp/shots npx playwright test screenshots
 */
const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR;
test.skip(!SHOTS_DIR, 'set QBR_SCREENSHOTS_DIR to write screenshots');
const shot = (name: string) => path.join(SHOTS_DIR ?? '.', `${name}.png`);

test('screens of the first slice, for review', async ({ page, harness }) => {
  const welcome = new WelcomePage(page);
  const portfolio = new PortfolioPage(page);
  const form = new AccountForm(page);
  const account = new AccountPage(page);
  const toasts = new Notifications(page);

  await welcome.open(harness.server.url);
  await page.screenshot({ path: shot('01-first-run') });

  await welcome.loadDemo();
  await expect(portfolio.rows).toHaveCount(9);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot('02-portfolio-demo') });

  await portfolio.search('zzz');
  await expect(portfolio.noMatchesState()).toBeVisible();
  await page.screenshot({ path: shot('03-portfolio-no-matches') });
  await portfolio.search('');
  await expect(portfolio.rows).toHaveCount(9);

  const firstName = (await portfolio.visibleNames())[0]!;
  await portfolio.startNewAccount();
  await form.fill({ name: firstName.toUpperCase(), segment: 'Health plan' });
  await form.submit();
  await expect(form.nameField).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: shot('04-create-modal-conflict') });
  await form.fill({ name: '' });
  await form.submit();
  await page.screenshot({ path: shot('05-create-modal-required') });
  await page.keyboard.press('Escape');
  await form.expectClosed();

  await portfolio.openAccount(firstName);
  await account.expectShowing(firstName);
  await page.screenshot({ path: shot('06-account') });
  await account.askToDelete();
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('07-delete-confirm') });
  await account.confirmDelete();
  await expect(toasts.withTitle('Account deleted')).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('08-deleted-undo-toast') });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Dana Whitfield');
  await page.getByRole('textbox', { name: 'Backups to keep' }).fill('500');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.screenshot({ path: shot('09-settings-error') });
  await page.getByRole('textbox', { name: 'Backups to keep' }).fill('20');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(toasts.withTitle('Settings saved')).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('10-settings-saved') });
});

test('an empty workspace and hostile text, for review', async ({ page, harness }) => {
  const welcome = new WelcomePage(page);
  const portfolio = new PortfolioPage(page);
  await welcome.open(harness.server.url);
  await welcome.startEmpty();
  await expect(portfolio.noAccountsState()).toBeVisible();
  await page.screenshot({ path: shot('11-portfolio-empty') });

  await harness.callApi('accounts.create', {
    name: `<script>alert(1)</script> مستشفى الأمل 🏥 ${'Very Long Regional Health Cooperative '.repeat(5)}`.slice(0, 200),
    customerSegment: 'hospital_health_system',
    buyerType: 'provider',
    notes: `<b>not bold</b>\n${'שלום 👩‍⚕️ '.repeat(1_200)}`.slice(0, 10_000),
    renewalDate: '2026-03-31',
  });
  await harness.callApi('accounts.create', { name: 'Plain Account', customerSegment: 'employer', buyerType: 'employer' });
  await page.reload();
  await expect(portfolio.rows).toHaveCount(2);
  await page.screenshot({ path: shot('12-portfolio-hostile') });
  await portfolio.rows.first().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('13-account-hostile') });
});

test('the backend-unreachable state, for review', async ({ page, harness }) => {
  // No token in the address: every API call is refused, as when the backend is gone.
  await page.goto(harness.server.origin);
  await expect(page.getByRole('heading', { name: "Can't reach your workspace" })).toBeVisible();
  await page.screenshot({ path: shot('14-backend-unreachable') });
});
