import { alertsMethods } from './alerts';
import { appMethods } from './app';
import { auditMethods } from './audit';
import { authMethods } from './auth';
import { casesMethods } from './cases';
import { demoMethods } from './demo';
import { evidenceMethods } from './evidence';
import { importsMethods } from './imports';
import { maintenanceMethods } from './maintenance';
import { notificationsMethods } from './notifications';
import { reviewsMethods } from './reviews';
import { rulesMethods } from './rules';
import { settingsMethods } from './settings';
import { shopsMethods } from './shops';
import { slaMethods } from './sla';
import { staffMethods } from './staff';
import { watchMethods } from './watch';
import type { z } from 'zod';

export * from './errors';
export * from './events';
export * from './method';
export * from './common';
export * from './alerts';
export * from './app';
export * from './audit';
export * from './auth';
export * from './cases';
export * from './case-workspace';
export * from './cases-list';
export * from './demo';
export * from './evidence';
export * from './files';
export * from './imports';
export * from './maintenance';
export * from './notifications';
export * from './reviews';
export * from './rules';
export * from './settings';
export * from './shops';
export * from './sla';
export * from './staff';
export * from './watch';

/**
 * The whole API between the renderer and the backend. Every transport (IPC, HTTP, in-memory)
 * carries exactly these methods; handler maps are checked against this object's keys.
 */
export const contract = {
  ...alertsMethods,
  ...appMethods,
  ...auditMethods,
  ...authMethods,
  ...casesMethods,
  ...demoMethods,
  ...evidenceMethods,
  ...importsMethods,
  ...maintenanceMethods,
  ...notificationsMethods,
  ...reviewsMethods,
  ...rulesMethods,
  ...settingsMethods,
  ...shopsMethods,
  ...slaMethods,
  ...staffMethods,
  ...watchMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
