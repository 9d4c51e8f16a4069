import { useMemo } from 'react';
import { useApiQuery } from '../../api/use-api-query';

/** Staff and shops the inbox shows by name and offers in pickers; loaded once for the screen. */
export function useInboxLookups() {
  const staff = useApiQuery('staff.list', { includeInactive: true }, ['staff', 'demo']);
  const shops = useApiQuery('shops.list', {}, ['shops', 'demo']);
  return useMemo(() => {
    const members = staff.data?.items ?? [];
    return {
      /** Every member, so cases assigned to someone since deactivated still show a name. */
      staffNames: new Map(members.map((member) => [member.id, member.name])),
      /** Only active members can take new work. */
      assignable: members.filter((member) => member.active),
      shops: shops.data?.items ?? [],
      shopsLoaded: shops.data !== undefined,
    };
  }, [staff.data, shops.data]);
}

export type InboxLookups = ReturnType<typeof useInboxLookups>;
