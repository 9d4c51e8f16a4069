import { useEffect, useState } from 'react';
import type { EventPayload, ImportRun } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';

/** How often to ask for the run's state in case an event was missed (the SSE stream may connect late). */
const pollMs = 1000;

/**
 * Follows one running import: live progress from `import.progress`, the end from
 * `import.finished`, with a slow poll of imports.get as a safety net.
 */
export function useImportRun(importId: number | null) {
  const api = useApi();
  const [progress, setProgress] = useState<EventPayload<'import.progress'> | null>(null);
  const [run, setRun] = useState<ImportRun | null>(null);

  useEffect(() => {
    if (importId === null) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      api.call('imports.get', { importId }).then(
        (value) => {
          if (!active) return;
          setRun(value);
          if (value.status === 'running') timer = setTimeout(refresh, pollMs);
        },
        () => {
          if (active) timer = setTimeout(refresh, pollMs);
        },
      );
    };
    const stopProgress = api.subscribe('import.progress', (payload) => {
      if (payload.importId === importId) setProgress(payload);
    });
    const stopFinished = api.subscribe('import.finished', (payload) => {
      if (payload.importId !== importId) return;
      if (timer) clearTimeout(timer);
      refresh();
    });
    refresh();
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
      stopProgress();
      stopFinished();
    };
  }, [api, importId]);

  const current = run?.id === importId ? run : null;
  return { progress: progress?.importId === importId ? progress : null, run: current };
}
