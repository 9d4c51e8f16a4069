import 'i18next';
import type { zhCNResources } from './resources';

/**
 * Key types for every `t()` call: resources typed from the zh-CN objects, so `tsc` rejects a key
 * that no namespace has. `strictKeyChecks` keeps `defaultValue` from turning a call unchecked.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof zhCNResources;
    strictKeyChecks: true;
  }
}
