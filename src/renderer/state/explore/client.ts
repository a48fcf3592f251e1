/**
 * The panels' own client for the read-only exploration and export channels (no events, so no event stream
 * is opened), created on first use over the same transport as the app's actions.
 */
import type { Channel, RequestOf, ResponseOf } from '../../../shared/api/contract';
import { createClient, type ClaqueClient } from '../../api/client';

let client: ClaqueClient | null = null;

export function query<K extends Channel>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  client ??= createClient();
  return client.call(channel, request);
}
