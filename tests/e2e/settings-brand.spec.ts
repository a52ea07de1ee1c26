import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { expect, test } from './fixtures/harness-fixture';
import { Notifications } from './pages/notifications';
import { PortfolioPage } from './pages/portfolio-page';
import { SettingsPage } from './pages/settings-page';

/*
 * Settings that shape what the app produces: the deck brand (typed, or read from a company template)
 * reaches the next exported .pptx, and changed health weights change an account's health score.
 */

const RIVERBEND = 'Riverbend Cardiology Associates';
/** Screenshots for looking at the screen (QBR_SCREENSHOTS_DIR=/tmp/shots-settings); none when unset. */
const SHOTS_DIR = process.env.QBR_SCREENSHOTS_DIR;
/** A 2×2 teal PNG. */
const LOGO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGPgk1FSktcVYGBgYGBgAAAQ5AG2b6T9WgAAAABJRU5ErkJggg==', 'base64');

/** The whole screen: the viewport grows to the content, which scrolls inside the app frame. */
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const viewport = page.viewportSize()!;
  const height = await page.evaluate<number>(`Math.max(window.innerHeight, ...[...document.querySelectorAll('*')]
    .filter((el) => el.scrollHeight > el.clientHeight + 4 && getComputedStyle(el).overflowY !== 'visible')
    .map((el) => el.scrollHeight + el.getBoundingClientRect().top))`);
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(height) + 40, 12_000) });
  await page.evaluate(`document.querySelectorAll('*').forEach((el) => { el.scrollTop = 0; })`);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
  await page.setViewportSize(viewport);
}

/** A .pptx holding only what a brand is read from: a theme with colours and fonts. */
async function writeTemplate(filePath: string, theme: { accent1: string; accent2: string; major: string; minor: string }): Promise<void> {
  const zip = new JSZip();
  zip.file(
    'ppt/theme/theme1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Acme"><a:themeElements>` +
      `<a:clrScheme name="Acme"><a:dk2><a:srgbClr val="222222"/></a:dk2><a:accent1><a:srgbClr val="${theme.accent1}"/></a:accent1><a:accent2><a:srgbClr val="${theme.accent2}"/></a:accent2></a:clrScheme>` +
      `<a:fontScheme name="Acme"><a:majorFont><a:latin typeface="${theme.major}"/></a:majorFont><a:minorFont><a:latin typeface="${theme.minor}"/></a:minorFont></a:fontScheme>` +
      `</a:themeElements></a:theme>`,
  );
  fs.writeFileSync(filePath, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** Every XML part of a .pptx whose name matches, joined. */
async function partsOf(filePath: string, pattern: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(filePath));
  const names = Object.keys(zip.files).filter((name) => pattern.test(name));
  return (await Promise.all(names.map((name) => zip.file(name)!.async('string')))).join('\n');
}

async function accountIdOf(harness: { callApi: (m: string, i?: unknown) => Promise<{ value?: any }> }, name: string): Promise<string> {
  const accounts = (await harness.callApi('accounts.list', {})).value as { id: string; name: string }[];
  return accounts.find((account) => account.name === name)!.id;
}

test('a brand read from a company template, reviewed and saved, is used by the next exported deck', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const templatePath = path.join(harness.dir, 'acme-template.pptx');
  await writeTemplate(templatePath, { accent1: '0F766E', accent2: 'C2410C', major: 'Georgia', minor: 'Verdana' });

  await new PortfolioPage(page).open(harness.server.url);
  const settings = new SettingsPage(page);
  await settings.goTo();
  await shot(page, '01-settings-defaults');

  // No native dialogs in the browser: the first "Choose…" turns into a hint to type the path.
  await settings.brand.getByRole('button', { name: 'Choose…' }).click();
  await expect(settings.brand.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
  await expect(settings.brand).toContainText('only available in the desktop app');

  await settings.readTemplate(path.join(harness.dir, 'missing.pptx'));
  await expect(settings.brand).toContainText('missing.pptx could not be read');

  await settings.readTemplate(templatePath);
  await expect(settings.brand.getByRole('status')).toContainText('Filled from acme-template.pptx: primary colour, secondary colour, heading font, body font');
  await expect(settings.brandField('Primary colour')).toHaveValue('#0F766E');
  await expect(settings.brandField('Secondary colour')).toHaveValue('#C2410C');
  await expect(settings.brandField('Heading font')).toHaveValue('Georgia');
  await expect(settings.brandField('Body font')).toHaveValue('Verdana');
  // Reading fills the form for review only; nothing is saved yet.
  expect((await harness.callApi('settings.get', {})).value.brand).toEqual({});

  await settings.fillBrand('Company name', 'Acme Remote Care');
  await settings.uploadLogo(LOGO_PNG);
  await expect(settings.brand.getByRole('img', { name: 'Logo preview' })).toBeVisible();
  await settings.fillBrand('Secondary colour', '#12345');
  await settings.saveBrand();
  await expect(settings.brand).toContainText('Use a 6-digit hex colour');
  await shot(page, '02-brand-invalid-colour');

  await settings.fillBrand('Secondary colour', '#C2410C');
  await settings.saveBrand();
  await expect(new Notifications(page).withTitle('Deck brand saved')).toBeVisible();
  await shot(page, '03-brand-saved');

  const saved = (await harness.callApi('settings.get', {})).value;
  expect(saved.companyName).toBe('Acme Remote Care');
  expect(saved.brand).toEqual({ primaryColor: '0F766E', secondaryColor: 'C2410C', fontHeading: 'Georgia', fontBody: 'Verdana', logoPng: LOGO_PNG.toString('base64') });

  // The saved brand is reused by the next export. pptxgenjs writes each master we define as a slide
  // layout under one slideMaster part, so the colours are looked for in both.
  const filePath = path.join(harness.dir, 'riverbend-branded.pptx');
  const exported = await harness.callApi('decks.export', { accountId: await accountIdOf(harness, RIVERBEND), audience: ['clinic_administrator'], filePath });
  expect(exported.ok, JSON.stringify(exported.error)).toBe(true);
  const masters = await partsOf(filePath, /^ppt\/(slideMasters\/slideMaster|slideLayouts\/slideLayout)\d+\.xml$/);
  expect(masters).toContain('srgbClr val="0F766E"');
  expect(masters).toContain('typeface="Verdana"');
  expect(masters).not.toContain('1F4E79');
  const slides = await partsOf(filePath, /^ppt\/slides\/slide\d+\.xml$/);
  expect(slides).toContain('typeface="Georgia"');
  expect(slides).toContain('Acme Remote Care');
  expect(Object.keys((await JSZip.loadAsync(fs.readFileSync(filePath))).files).some((name) => /^ppt\/media\/.+\.png$/.test(name))).toBe(true);
});

test('the logo can be removed again, and colours typed by hand are saved', async ({ page, harness }) => {
  await harness.callApi('settings.update', { brand: { logoPng: LOGO_PNG.toString('base64') } });
  await harness.callApi('app.completeOnboarding', { choice: 'empty' });
  await page.goto(harness.server.url);
  const settings = new SettingsPage(page);
  await settings.goTo();
  await expect(settings.brand.getByRole('img', { name: 'Logo preview' })).toBeVisible();
  await settings.brand.getByRole('button', { name: 'Remove logo' }).click();
  await settings.fillBrand('Primary colour', '#7c3aed');
  await settings.saveBrand();
  await expect(new Notifications(page).withTitle('Deck brand saved')).toBeVisible();
  expect((await harness.callApi('settings.get', {})).value.brand).toEqual({ primaryColor: '7C3AED' });
});

test('changing a health weight in Settings changes the account health score the API reports', async ({ page, harness }) => {
  expect((await harness.callApi('demo.load', {})).ok).toBe(true);
  const accountId = await accountIdOf(harness, RIVERBEND);
  const before = (await harness.callApi('insights.account', { accountId })).value.health;
  const deviceBefore = before.components.find((c: { key: string }) => c.key === 'device_engagement');
  expect(deviceBefore?.configuredWeight).toBeGreaterThan(0);

  await new PortfolioPage(page).open(harness.server.url);
  const settings = new SettingsPage(page);
  await settings.goTo();
  await expect(settings.weights).toContainText('never counts as zero');

  await settings.weight('CPT / RPM reimbursement', 'Device engagement').fill('250');
  await settings.saveWeights();
  await expect(settings.weights).toContainText('Use 0 to 100');

  await settings.weight('CPT / RPM reimbursement', 'Device engagement').fill('80');
  await settings.saveWeights();
  await expect(new Notifications(page).withTitle('Health weights saved')).toBeVisible();
  if (SHOTS_DIR) await settings.weights.screenshot({ path: path.join(SHOTS_DIR, '04-weights-saved.png') });
  expect((await harness.callApi('settings.get', {})).value.healthWeights).toEqual({ cpt_rpm: { device_engagement: 80 } });

  const after = (await harness.callApi('insights.account', { accountId })).value.health;
  const deviceAfter = after.components.find((c: { key: string }) => c.key === 'device_engagement');
  expect(deviceAfter.configuredWeight).toBeGreaterThan(deviceBefore.configuredWeight);
  expect(after.score).not.toBe(before.score);

  // Reset to defaults brings the documented weights (and the original score) back.
  await settings.weights.getByRole('button', { name: 'Reset to defaults' }).click();
  await settings.saveWeights();
  await expect(new Notifications(page).withTitle('Health weights saved').first()).toBeVisible();
  await expect.poll(async () => (await harness.callApi('settings.get', {})).value.healthWeights).toEqual({});
  expect((await harness.callApi('insights.account', { accountId })).value.health.score).toBe(before.score);
});
