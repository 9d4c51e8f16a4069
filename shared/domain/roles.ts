/**
 * Staff roles, lowest authority first. Later issues attach SLA ownership and approvals to these;
 * the order is what "escalate to the next role" walks.
 */
export const staffRoles = ['agent', 'supervisor', 'legal', 'owner'] as const;
export type StaffRole = (typeof staffRoles)[number];
