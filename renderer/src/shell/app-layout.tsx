import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { AwaySummaryModal } from '../notifications/away-summary-modal';
import { SessionProvider } from '../session/session-context';
import { AppHeader } from './app-header';
import { ArrivalsNotice } from './arrivals-notice';
import { headerHeight } from './header-height';
import { AppNavbar } from './app-navbar';

/** Header, navbar and the current area. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <SessionProvider>
    <AppShell
      header={{ height: headerHeight }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="xl"
    >
      <AppShell.Header>
        <AppHeader navOpened={opened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar>
        <AppNavbar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
    <AwaySummaryModal />
    <ArrivalsNotice />
    </SessionProvider>
  );
}
