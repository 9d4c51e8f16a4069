import { Tabs } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** Switches between the review list and its rules; each tab is a route, so it survives a reload. */
export function InboxTabs() {
  const { t } = useTranslation('inbox');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = pathname.startsWith('/inbox/rules') ? 'rules' : 'reviews';
  return (
    <Tabs value={current} onChange={(value) => void navigate(value === 'rules' ? '/inbox/rules' : '/inbox')} mb="sm">
      <Tabs.List>
        <Tabs.Tab value="reviews" leftSection={<IconInbox size={16} />}>
          {t('tabs.reviews')}
        </Tabs.Tab>
        <Tabs.Tab value="rules" leftSection={<IconAdjustmentsHorizontal size={16} />}>
          {t('tabs.rules')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
