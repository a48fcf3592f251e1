import type { Channel, ClaqueBridge, Envelope } from '../../shared/api/contract';
import type { Transport } from './transport';

/** Electron: the preload's per-channel wrappers around ipcRenderer.invoke. */
export function createBridgeTransport(bridge: ClaqueBridge): Transport {
  return {
    name: 'electron',
    invoke: (channel: Channel, request: unknown) =>
      (bridge[channel] as (req: unknown) => Promise<Envelope<unknown>>)(request),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
