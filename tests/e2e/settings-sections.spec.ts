import { expect, test } from './fixtures/harness-fixture';
import { Notifications } from './pages/notifications';
import { SettingsPage } from './pages/settings-page';

/*
 * Issue 13, item 1: each section of the Settings screen saves on its own and changes only its own
 * settings. Saving "General" used to reset the deck brand, the health weights and the onboarding
 * flag on disk while the screen kept showing the old values until the next reload.
 */
test('saving one settings section keeps the others, on screen and after a reload', async ({ page, harness }) => {
  await harness.callApi('app.completeOnboarding', { choice: 'empty' });
  await page.goto(harness.server.url);
  const settings = new SettingsPage(page);
  const notifications = new Notifications(page);
  await settings.goTo();

  await settings.fillBrand('Company name', 'Acme Remote Care');
  await settings.fillBrand('Primary colour', '#0F766E');
  await settings.saveBrand();
  await expect(notifications.withTitle('Deck brand saved')).toBeVisible();

  await settings.weight('CPT / RPM reimbursement', 'Device engagement').fill('80');
  await settings.saveWeights();
  await expect(notifications.withTitle('Health weights saved')).toBeVisible();

  await settings.generalField('Your name').fill('Jordan Lee');
  await settings.generalField('Backups to keep').fill('4');
  await settings.saveGeneral();
  await expect(notifications.withTitle('Settings saved')).toBeVisible();

  // What the screen shows is what is saved, before and after a reload.
  const expectShown = async () => {
    await expect(settings.generalField('Your name')).toHaveValue('Jordan Lee');
    await expect(settings.generalField('Backups to keep')).toHaveValue('4');
    await expect(settings.brandField('Company name')).toHaveValue('Acme Remote Care');
    await expect(settings.brandField('Primary colour')).toHaveValue('#0F766E');
    await expect(settings.weight('CPT / RPM reimbursement', 'Device engagement')).toHaveValue('80');
  };
  await expectShown();
  const saved = (await harness.callApi('settings.get', {})).value;
  expect(saved).toMatchObject({
    csmName: 'Jordan Lee',
    backupsToKeep: 4,
    companyName: 'Acme Remote Care',
    brand: { primaryColor: '0F766E' },
    healthWeights: { cpt_rpm: { device_engagement: 80 } },
    onboardingCompleted: true,
  });

  await page.reload();
  await settings.goTo();
  await expectShown();
});
