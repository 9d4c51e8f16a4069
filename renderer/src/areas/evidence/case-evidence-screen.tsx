import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { CaseEvidencePanel } from '../../components/evidence/case-evidence-panel';

/** /evidence/case/:caseId: one case's evidence full-page (the inbox detail pane embeds the same panel). */
export function CaseEvidenceScreen() {
  const { t } = useTranslation('evidence');
  const { caseId = '' } = useParams();
  return (
    <>
      <Anchor component={Link} to="/evidence" size="sm" mb="xs" display="inline-block">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('casePanel.back')}
        </Group>
      </Anchor>
      <PageHeader title={t('casePanel.pageTitle', { id: caseId })} subtitle={t('casePanel.subtitle')} />
      <CaseEvidencePanel caseId={caseId} />
    </>
  );
}
