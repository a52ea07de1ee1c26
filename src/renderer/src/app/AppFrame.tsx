import { AppShell, Badge, Center, Group, Loader, NavLink, Stack, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, type ReactNode } from 'react';
import { AccountFormModal } from '../account-form/AccountFormModal';
import { PortfolioScreen } from '../portfolio/PortfolioScreen';
import { useAppStore, type Screen } from './app-store';
import { NavIcon, type NavIconName } from './NavIcon';
import { UnsavedChangesModal } from './UnsavedChangesModal';
import { WIDE_WINDOW_QUERY } from './window-size';
import { WorkspacePath } from './WorkspacePath';
import { YouArePicker } from '../team/YouArePicker';

interface NavItem {
  label: string;
  icon: NavIconName;
  target: Screen;
  /** Screens that count as "inside" this item for highlighting. */
  owns: Screen['name'][];
}

const NAV_ITEMS: NavItem[] = [
  { label: 'Portfolio', icon: 'portfolio', target: { name: 'portfolio' }, owns: ['portfolio', 'account', 'wizard'] },
  { label: 'Workspace', icon: 'workspace', target: { name: 'workspace' }, owns: ['workspace'] },
  { label: 'Activity', icon: 'activity', target: { name: 'activity' }, owns: ['activity'] },
  { label: 'Settings', icon: 'settings', target: { name: 'settings' }, owns: ['settings'] },
];

// The portfolio comes with the app; every other screen (and what only it uses, such as chart.js)
// is loaded when it is first opened, so the first paint does not wait for code it does not show.
const AccountScreen = lazy(async () => ({ default: (await import('../account/AccountScreen')).AccountScreen }));
const AssessmentWizard = lazy(async () => ({ default: (await import('../wizard/AssessmentWizard')).AssessmentWizard }));
const SettingsScreen = lazy(async () => ({ default: (await import('../settings/SettingsScreen')).SettingsScreen }));
const ActivityScreen = lazy(async () => ({ default: (await import('../activity/ActivityScreen')).ActivityScreen }));
const WorkspaceScreen = lazy(async () => ({ default: (await import('../workspace/WorkspaceScreen')).WorkspaceScreen }));

/**
 * The window's frame: a skip link, the header with product and workspace, navigation on the left
 * (icons only on narrow windows), the current screen in the middle.
 */
export function AppFrame() {
  const info = useAppStore((state) => state.info);
  const screen = useAppStore((state) => state.screen);
  const navigate = useAppStore((state) => state.navigate);
  const wideNav = useMediaQuery(WIDE_WINDOW_QUERY, true, { getInitialValueInEffect: false });

  return (
    <>
      <a
        href="#main-content"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        Skip to main content
      </a>
      <AppShell header={{ height: 56 }} navbar={{ width: wideNav ? 220 : 64, breakpoint: 0 }} padding={wideNav ? 'lg' : 'md'}>
        <AppShell.Header>
          <Group h="100%" px="lg" justify="space-between" wrap="nowrap" gap="lg">
            <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Title order={1} size="h4">
                QBR Workbench
              </Title>
              {info?.transport === 'web-harness' && (
                <Badge variant="light" color="gray" size="sm">
                  Browser harness
                </Badge>
              )}
            </Group>
            <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
              {info && <WorkspacePath path={info.workspacePath} />}
              <YouArePicker />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label="Main">
          <Stack gap={4}>
            {NAV_ITEMS.map((item) => {
              const active = item.owns.includes(screen.name);
              const link = (
                <NavLink
                  key={item.label}
                  component="button"
                  label={wideNav ? item.label : undefined}
                  aria-label={wideNav ? undefined : item.label}
                  leftSection={<NavIcon name={item.icon} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={() => navigate(item.target)}
                  styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, section: wideNav ? undefined : { marginInlineEnd: 0 } }}
                />
              );
              return wideNav ? (
                link
              ) : (
                <Tooltip key={item.label} label={item.label} position="right" withArrow>
                  {link}
                </Tooltip>
              );
            })}
          </Stack>
        </AppShell.Navbar>

        <AppShell.Main h="100dvh" id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
          <Suspense
            fallback={
              <Center h="100%">
                <Loader aria-label="Loading" />
              </Center>
            }
          >
            <CurrentScreen screen={screen} />
          </Suspense>
        </AppShell.Main>
        <AccountFormModal />
        <UnsavedChangesModal />
      </AppShell>
    </>
  );
}

function CurrentScreen({ screen }: { screen: Screen }): ReactNode {
  switch (screen.name) {
    case 'portfolio':
      return <PortfolioScreen />;
    case 'account':
      return <AccountScreen accountId={screen.accountId} />;
    case 'wizard':
      return <AssessmentWizard accountId={screen.accountId} quarter={screen.quarter} />;
    case 'settings':
      return <SettingsScreen />;
    case 'workspace':
      return <WorkspaceScreen />;
    case 'activity':
      return <ActivityScreen />;
  }
}
