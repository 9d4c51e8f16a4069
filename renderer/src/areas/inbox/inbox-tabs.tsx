import { Group, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconAdjustmentsHorizontal, IconHistory, IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** Switches between the review list, its rules and the import history; each tab is a route, so it survives a reload. */
export function InboxTabs({ actions }: { actions?: ReactNode } = {}) {
  const { t } = useTranslation('inbox');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.startsWith('/inbox/rules') ? 'rules' : pathname.startsWith('/inbox/imports') ? 'imports' : 'reviews';
  return (
    <Tabs value={current} onChange={(value) => void navigate(value === 'rules' ? '/inbox/rules' : value === 'imports' ? '/inbox/imports' : '/inbox')} mb={8}>
      <Tabs.List>
        <Tabs.Tab value="reviews" leftSection={<IconInbox size={16} />}>
          {t('tabs.reviews')}
        </Tabs.Tab>
        <Tabs.Tab value="rules" leftSection={<IconAdjustmentsHorizontal size={16} />}>
          {t('tabs.rules')}
        </Tabs.Tab>
        <Tabs.Tab value="imports" leftSection={<IconHistory size={16} />}>
          {t('tabs.imports')}
        </Tabs.Tab>
        {actions ? (
          // On the tab line rather than under the title: the list keeps those 50 px at 768 px high.
          <Group ml="auto" pb={6} gap="xs">
            {actions}
          </Group>
        ) : null}
      </Tabs.List>
    </Tabs>
  );
}
