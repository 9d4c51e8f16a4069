import { AppShell, Badge, NavLink, ScrollArea, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { badgeText } from '../../../shared/domain/sla';
import { useBreachedCount } from '../notifications/use-breached-count';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useReadyStatus } from '../startup/status-context';
import { preloadArea } from './area-screens';
import { areaIcons, areaIds, areaLabelKey } from './nav-areas';

interface AppNavbarProps {
  /** Called after a link is followed, so the mobile drawer can close. */
  onNavigate?: () => void;
}

/** Reports the breached-case count to the navbar; renders nothing. */
function BreachedCount({ onChange }: { onChange: (breached: number) => void }) {
  const breached = useBreachedCount();
  useEffect(() => onChange(breached), [breached, onChange]);
  return null;
}

/**
 * True from the task after the first commit. The backend answers in the order it is asked, and
 * the navbar is asked before the screen: the badge's count (sla.summary: every open case) would
 * otherwise be answered before the first screen's rows.
 */
function useAfterFirstScreenAsked(): boolean {
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return asked;
}

/** Links to every product area; the current one is highlighted and marked aria-current. */
export function AppNavbar({ onNavigate }: AppNavbarProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const status = useReadyStatus();
  const [breached, setBreached] = useState(0);
  const countBreached = useAfterFirstScreenAsked();
  return (
    <>
      {countBreached && <BreachedCount onChange={setBreached} />}
      <AppShell.Section grow component={ScrollArea} p="sm">
        <nav aria-label={t('nav.label')}>
          {areaIds.map((id) => {
            const Icon = areaIcons[id];
            const active = pathname === `/${id}` || pathname.startsWith(`/${id}/`);
            return (
              <NavLink
                key={id}
                component={Link}
                to={`/${id}`}
                label={t(areaLabelKey[id])}
                leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
                rightSection={
                  id === 'cases' && breached > 0 ? (
                    <Badge color="red" size="sm" circle={breached < 10} data-testid="breached-badge" aria-label={t('nav.breached', { count: breached })}>
                      {badgeText(breached)}
                    </Badge>
                  ) : undefined
                }
                active={active}
                aria-current={active ? 'page' : undefined}
                data-testid={`nav-${id}`}
                onClick={onNavigate}
                onPointerEnter={() => void preloadArea(id)}
                onFocus={() => void preloadArea(id)}
                variant="light"
                fw={500}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
                mb={2}
              />
            );
          })}
        </nav>
      </AppShell.Section>
      <AppShell.Section p="md">
        <Text size="xs" c="dimmed" data-testid="app-version">
          {t('app.version', { version: status.version })}
        </Text>
      </AppShell.Section>
    </>
  );
}
