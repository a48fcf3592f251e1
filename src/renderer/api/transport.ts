/**
 * What a transport is, and the error a call fails with: apart from client.ts so that the transports, which
 * client.ts picks between, need not import it back.
 */
import type { ApiErrorBody, ApiEvent, Channel, Envelope } from '../../shared/api/contract';

export interface Transport {
  invoke(channel: Channel, request: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  readonly name: 'electron' | 'http';
}

export class ApiCallError extends Error {
  constructor(
    public readonly code: ApiErrorBody['code'] | 'transport',
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}
