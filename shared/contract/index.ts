export * from './errors';
export * from './methods';
export * from './events';
export * from './schemas';
export * from './evidence-schemas';
export * from './inbox-schemas';
export * from './sla-schemas';
export * from './sla-methods';
