/**
 * Staff roles, lowest authority first: SLA ownership, approvals and the contract's declared
 * permissions name these, and the order is what "escalate to the next role" walks.
 */
export const staffRoles = ['agent', 'supervisor', 'legal', 'owner'] as const;
export type StaffRole = (typeof staffRoles)[number];
