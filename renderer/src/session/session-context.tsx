import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { AuthSession, Operator } from '../../../shared/contract';
import { hasAuthority } from '../../../shared/domain/sla';
import type { StaffRole } from '../../../shared/domain/roles';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';

export interface SessionValue {
  /** Who is signed in; null: nobody. */
  operator: Operator | null;
  requireSignIn: boolean;
  /** False until the first answer. */
  loaded: boolean;
  /** True when the current operator holds `role` or above (nobody signed in, sign-in optional: the owner). */
  can: (role: StaffRole) => boolean;
  reload: () => void;
}

const fallback: SessionValue = { operator: null, requireSignIn: false, loaded: false, can: () => true, reload: () => undefined };
const SessionContext = createContext<SessionValue>(fallback);

/** Pure rule behind `can`, shared with tests. */
export function sessionCan(session: AuthSession | undefined, role: StaffRole): boolean {
  if (!session) return false;
  if (!session.operator) return !session.requireSignIn;
  return hasAuthority(session.operator.role, role);
}

/** Who is working at this desk, kept current through `auth.changed`. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const session = useApiQuery('auth.session', {}, ['auth', 'staff']);
  const { reload } = session;
  useEffect(() => api.subscribe('auth.changed', () => reload()), [api, reload]);
  const value: SessionValue = {
    operator: session.data?.operator ?? null,
    requireSignIn: session.data?.requireSignIn ?? false,
    loaded: session.data !== undefined,
    can: (role) => sessionCan(session.data, role),
    reload,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  return useContext(SessionContext);
}
