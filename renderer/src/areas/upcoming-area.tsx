import { useTranslation } from 'react-i18next';
import { EmptyStatePanel } from '../components/empty-state-panel';
import { LoadDemoButton } from '../components/load-demo-button';
import { PageHeader } from '../components/page-header';
import { areaIcons, areaLabelKey, upcomingAreaKeys, type UpcomingAreaId } from '../shell/nav-areas';

interface UpcomingAreaProps {
  /** Which not-yet-built area to describe. */
  area: UpcomingAreaId;
}

/** Honest placeholder for an area that has no data yet: what will live here, and a way to start. */
export function UpcomingArea({ area }: UpcomingAreaProps) {
  const { t } = useTranslation();
  const Icon = areaIcons[area];
  return (
    <>
      <PageHeader title={t(areaLabelKey[area])} />
      <EmptyStatePanel
        icon={<Icon size={32} stroke={1.5} />}
        title={t(upcomingAreaKeys[area].emptyTitle)}
        description={t(upcomingAreaKeys[area].description)}
        actions={<LoadDemoButton />}
      />
    </>
  );
}
