import { createContext, useContext } from 'react';
import type { AppStatus } from '../../../shared/contract';

export type ReadyStatus = Extract<AppStatus, { state: 'ready' }>;

/** The app.status answer from startup; only provided once the database is ready. */
export const StatusContext = createContext<ReadyStatus | null>(null);

export function useReadyStatus(): ReadyStatus {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useReadyStatus() is only available after a successful startup');
  return status;
}
