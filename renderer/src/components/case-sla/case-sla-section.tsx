import { Loader, Stack } from '@mantine/core';
import { QueryError } from '../query-error';
import { CaseActions } from './case-actions';
import { SlaPanel } from './sla-panel';
import { useCaseSla } from './use-case-sla';

interface CaseSlaSectionProps {
  caseId: number;
  /** Show the lifecycle actions too; default true. */
  withActions?: boolean;
  /** Called after an action changed the case. */
  onChanged?: () => void;
  /** Who holds the case (hides 我来处理 from the holder). */
  assigneeId?: number | null;
}

/** The SLA panel of one case with its lifecycle actions, loaded by id (cases drawer, inbox pane). */
export function CaseSlaSection({ caseId, withActions = true, onChanged, assigneeId }: CaseSlaSectionProps) {
  const sla = useCaseSla(caseId);
  if (sla.loading && !sla.data) return <Loader size="sm" />;
  if (!sla.data) return <QueryError error={sla.error} onRetry={sla.reload} />;
  return (
    <Stack gap="md">
      <SlaPanel sla={sla.data} />
      {withActions ? (
        <CaseActions
          sla={sla.data}
          assigneeId={assigneeId}
          onChanged={() => {
            sla.reload();
            onChanged?.();
          }}
        />
      ) : null}
    </Stack>
  );
}
