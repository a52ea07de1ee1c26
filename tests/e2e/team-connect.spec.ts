import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { teamWorkspaceUrl } from '../../src/shared/api/schemas/team-workspace-schemas';
import { checkScreen } from './fixtures/screen-checks';
import { expect, test } from './fixtures/harness-fixture';
import { Notifications } from './pages/notifications';
import { TeamConnectDialog, WorkspacePage } from './pages/workspace-page';
import { PortfolioPage } from './pages/portfolio-page';
import { WelcomePage } from './pages/welcome-page';
import { findPostgresBin, startTestPostgres, type TestPostgres } from '../support/postgres-server';
import { adminQuery, createPasswordDatabase, type PasswordDatabase } from '../support/postgres-password-role';

/*
 * The workspace screen's "Connect to a team workspace" against a real PostgreSQL server (a private
 * one this file starts with initdb + pg_ctl on a free port, and stops): field checks, a refused
 * password, Test connection, Connect, the team workspace in the recent list by its address
 * without the password, and reopening it from the list with the kept password (the browser
 * harness keeps it in memory) or, once the server changed it, asking for it.
 */

const bin = findPostgresBin();
let server: TestPostgres | null = null;
let team: PasswordDatabase;

test.skip(!bin, 'PostgreSQL is not installed (apt-get install postgresql)');

/** A port nobody listens on now (asked of the OS in this process: a child node under Playwright prints more than the port). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test.beforeAll(async () => {
  server = await startTestPostgres(bin!, await freePort());
});
test.afterAll(() => server?.stop());
test.beforeEach(async () => {
  team = await createPasswordDatabase(server!.url);
});
// Back to the laptop file first, so the harness holds no connection to the team database when
// it is dropped (a drop WITH (FORCE) ends a connection mid-query: the harness then reports it).
test.afterEach(async ({ harness }) => {
  await harness.callApi('workspace.open', { path: harness.workspacePath });
  await team.drop();
});

test('the connect form checks its fields, says why a server refuses, and switches to the team workspace', async ({ page, harness }) => {
  await harness.callApi('accounts.create', { name: 'Laptop Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
  await new PortfolioPage(page).open(harness.server.url);
  const workspace = new WorkspacePage(page);
  await workspace.goTo();
  const form = new TeamConnectDialog(page);
  await form.open();

  // Nothing typed: the first missing field is named and has the focus.
  await form.connect();
  await expect(form.fieldError('Server')).toHaveText("Type the server's host name or IP address.");
  await expect(form.field('Server')).toBeFocused();
  await expect(form.fieldError('Database')).toHaveText('Type the database name.');
  // A URL where a host name goes, and a port that is not a number.
  await form.field('Server').fill('postgres://db.example.com');
  await form.field('Port').fill('54x');
  await form.connect();
  await expect(form.fieldError('Server')).toContainText('no postgres://, port or path');
  await expect(form.fieldError('Port')).toContainText('whole number between 1 and 65535');

  // The server refuses a wrong password: said in words, the password field marked and focused, nothing switched.
  await form.fill(team.server, 'not-the-password');
  await form.connect();
  await expect(form.status.getByRole('alert')).toContainText(`refused the password for user "${team.server.user}"`);
  await expect(form.field('Password')).toBeFocused();
  await checkScreen(page, 'a06d-team-connect-refused', 'the connect form after a refused password');
  expect((await harness.callApi('workspace.current')).value.path).toBe(harness.workspacePath);

  // Test connection with the right password: an empty database, and still nothing switched or kept.
  await form.field('Password').fill(team.password);
  await form.testConnection();
  await expect(form.status).toContainText('The database is empty: connecting makes it a team workspace.');
  expect((await harness.callApi('workspace.current')).value.path).toBe(harness.workspacePath);

  // Connect: the app switches (an empty team workspace opens on first run) and lists it by its address.
  await form.connect();
  await expect(new Notifications(page).withTitle('Connected to the team workspace')).toBeVisible();
  await expect(form.dialog).toBeHidden();
  const location = teamWorkspaceUrl(team.server);
  expect((await harness.callApi('workspace.current')).value).toMatchObject({ isOpen: true, path: location });
  // The team's database was empty: the first-run screen offers the demo or an empty start.
  const welcome = new WelcomePage(page);
  await expect(welcome.heading()).toBeVisible();
  await welcome.startEmpty();
  await workspace.goTo();
  await expect(workspace.currentPath).toHaveText(location);
  const row = workspace.recentRow(`${team.server.database} on ${team.server.host}`);
  await expect(row).toContainText('Team');
  await expect(row).toContainText('Password saved');
  // A team workspace has no backup file of its own: the section says who keeps backups and offers no button that would fail.
  const backups = page.getByTestId('backups');
  await expect(backups).toContainText('The team server keeps the backups');
  await expect(backups.getByRole('button', { name: 'Back up now' })).toHaveCount(0);
  await checkScreen(page, 'a06e-workspace-team-open', 'the workspace screen with a team workspace open');

  // The password is nowhere the harness wrote, nor in the page.
  expect(await page.content()).not.toContain(team.password);
  const written = fs.readdirSync(harness.dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && !entry.name.endsWith('.sqlite'));
  for (const entry of written) expect(fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1'), entry.name).not.toContain(team.password);
});

test('reopening a team workspace from the recent list uses the kept password, and asks again once the server changed it', async ({ page, harness }) => {
  await harness.callApi('accounts.create', { name: 'Laptop Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
  const connected = await harness.callApi('workspace.connectTeam', { server: team.server, password: team.password });
  expect(connected.ok).toBe(true);
  await harness.callApi('accounts.create', { name: 'Team Clinic', customerSegment: 'physician_practice', buyerType: 'provider' });
  await harness.callApi('workspace.open', { path: harness.workspacePath });

  await new PortfolioPage(page).open(harness.server.url);
  const workspace = new WorkspacePage(page);
  await workspace.goTo();
  const name = `${team.server.database} on ${team.server.host}`;
  await workspace.openRecent(name);
  await expect(new Notifications(page).withTitle('Connected to the team workspace')).toBeVisible();
  await expect(page.getByText('Team Clinic')).toBeVisible();

  // Back to the laptop file; an admin changes the password on the server.
  await workspace.goTo();
  await workspace.openRecent('workspace.sqlite');
  await expect(page.getByText('Laptop Clinic')).toBeVisible();
  await adminQuery(server!.url, `ALTER ROLE ${team.server.user} PASSWORD 'changed-by-admin'`);
  await workspace.goTo();
  await workspace.openRecent(name);
  const form = new TeamConnectDialog(page);
  await expect(form.dialog).toBeVisible();
  await expect(form.status.getByRole('alert')).toContainText('no longer works');
  await expect(form.field('Server')).toHaveValue(team.server.host);
  await expect(form.field('Database')).toHaveValue(team.server.database);
  await expect(form.field('Password')).toBeFocused();
  await page.keyboard.type('changed-by-admin');
  await page.keyboard.press('Enter');
  await expect(form.dialog).toBeHidden();
  await expect(page.getByText('Team Clinic')).toBeVisible();
});
