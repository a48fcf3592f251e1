import type { ApiEvent, Channel, Envelope } from '../../shared/api/contract';
import { ApiCallError, type Transport } from './transport';

/**
 * Browser mode: `POST /api/<channel>` with a JSON body; events over one shared EventSource. The token rides
 * in the HttpOnly cookie the server set when the page was first opened, so this code never sees it.
 */
export function createHttpTransport(origin: string): Transport {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | null = null;

  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`${origin}/api/events`);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data as string) as ApiEvent;
      for (const l of listeners) l(event);
    };
  };

  return {
    name: 'http',
    async invoke(channel: Channel, request: unknown): Promise<Envelope<unknown>> {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request ?? {}),
          credentials: 'same-origin',
        });
      } catch (err) {
        throw new ApiCallError('transport', `cannot reach the Claque server: ${(err as Error).message}`);
      }
      if (response.status === 403) {
        throw new ApiCallError('transport', 'the server refused this page: reopen the URL that `claque serve` printed');
      }
      return (await response.json()) as Envelope<unknown>;
    },
    onEvent(listener) {
      ensureSource();
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}
