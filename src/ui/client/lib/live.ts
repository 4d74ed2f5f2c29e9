/**
 * @module EventSource with resume and status. The browser reconnects by itself and resends
 * Last-Event-ID; when the server refuses the stream (closed for good) we ask the page whether to
 * reopen, passing the last id as `?after=` because a new EventSource starts without one.
 */

export type LiveState = 'connecting' | 'open' | 'closed';

export interface LiveOptions {
  /** Stream address for a resume position. */
  url(after: number): string;
  after?: number;
  /** Handlers by event type; `data` is the parsed JSON payload. */
  on: Record<string, (data: unknown) => void>;
  onState?(state: LiveState): void;
  /** Called when the stream closed for good; resolve true to reopen it after a pause. */
  onClosed?(): Promise<boolean>;
}

export interface Live {
  close(): void;
}

export function live(opts: LiveOptions): Live {
  let last = opts.after ?? 0;
  let source: EventSource | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    if (stopped) return;
    const es = new EventSource(opts.url(last));
    source = es;
    opts.onState?.('connecting');
    es.onopen = () => opts.onState?.('open');
    for (const [type, handle] of Object.entries(opts.on)) {
      es.addEventListener(type, (ev) => {
        const msg = ev as MessageEvent<string>;
        const id = Number(msg.lastEventId);
        if (Number.isSafeInteger(id) && id > 0) {
          if (id <= last) return;
          last = id;
        }
        handle(JSON.parse(msg.data));
      });
    }
    es.onerror = () => {
      if (es.readyState !== EventSource.CLOSED) {
        opts.onState?.('connecting');
        return;
      }
      es.close();
      opts.onState?.('closed');
      const decide = opts.onClosed ? opts.onClosed() : Promise.resolve(true);
      decide.then(
        (again) => {
          if (again && !stopped) timer = setTimeout(connect, 2000);
        },
        () => {
          if (!stopped) timer = setTimeout(connect, 5000);
        },
      );
    };
  };
  connect();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    },
  };
}

/** Renders a stream state into a `.live` status element. */
export function showLiveState(
  el: HTMLElement,
  state: LiveState,
  labels: { live: string; reconnecting: string },
) {
  el.hidden = false;
  el.dataset.state = state;
  el.textContent = state === 'open' ? labels.live : labels.reconnecting;
}
