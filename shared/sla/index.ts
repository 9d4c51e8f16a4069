export * from './calendar';
export * from './timer';
