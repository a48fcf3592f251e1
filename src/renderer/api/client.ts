/**
 * One client, two transports: Electron's preload bridge (`window.claque`) when present, else browser mode's
 * HTTP API on the page's own origin. Both speak the contract's Envelope; this unwraps it and throws an
 * ApiCallError carrying the backend's error code.
 */
import type { ApiEvent, Channel, ClaqueBridge, RequestOf, ResponseOf } from '../../shared/api/contract';
import { createBridgeTransport } from './bridge-transport';
import { createHttpTransport } from './http-transport';
import { ApiCallError, type Transport } from './transport';

export { ApiCallError, type Transport };

export interface ClaqueClient {
  call<K extends Channel>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  readonly transport: Transport['name'];
}

export function clientOver(transport: Transport): ClaqueClient {
  return {
    transport: transport.name,
    async call(channel, request) {
      const envelope = await transport.invoke(channel, request);
      if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
      return envelope.value as ResponseOf<typeof channel>;
    },
    onEvent: (listener) => transport.onEvent(listener),
  };
}

declare global {
  interface Window {
    claque?: ClaqueBridge;
  }
}

export function createClient(): ClaqueClient {
  return clientOver(window.claque ? createBridgeTransport(window.claque) : createHttpTransport(window.location.origin));
}
