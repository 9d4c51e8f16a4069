import type { Bridge } from './bridge';
import type { Transport } from './transport';

/** Transport for the Electron app: the preload's bridge already speaks envelopes. */
export function createIpcTransport(bridge: Bridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    on: (event, handler) => bridge.on(event, handler),
  };
}
