import { useEffect } from 'react';
import { useApi } from '../../api/api-context';

/** Reloads on any SLA change or fired point (countdowns elsewhere tick on their own). */
export function useSlaEvents(reload: () => void): void {
  const api = useApi();
  useEffect(() => {
    const stops = [api.subscribe('sla.changed', () => reload()), api.subscribe('sla.fired', () => reload()), api.subscribe('badge.changed', () => reload())];
    return () => stops.forEach((stop) => stop());
  }, [api, reload]);
}
