/** A minimal SSE client for tests: reads `id:`, `event:` and `data:` fields from a fetch stream. */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

export interface SseConnection {
  events: SseEvent[];
  /** Resolves once `predicate` holds for the collected events (or rejects after `ms`). */
  waitFor(predicate: (events: SseEvent[]) => boolean, ms?: number): Promise<SseEvent[]>;
  close(): void;
  status: number;
}

export async function connectSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  if (res.ok && res.body) {
    (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let idx = buffer.indexOf('\n\n');
          while (idx >= 0) {
            const block = buffer.slice(0, idx);
            buffer = buffer.slice(idx + 2);
            const ev: SseEvent = { data: '' };
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) continue;
              const [field, ...rest] = line.split(':');
              const val = rest.join(':').replace(/^ /, '');
              if (field === 'id') ev.id = val;
              else if (field === 'event') ev.event = val;
              else if (field === 'data') data.push(val);
            }
            if (data.length || ev.id) {
              ev.data = data.join('\n');
              events.push(ev);
              for (const w of waiters) w();
            }
            idx = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    events,
    status: res.status,
    close: () => controller.abort(),
    waitFor(predicate, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(events)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(events);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `SSE wait timed out with ${events.length} events: ${JSON.stringify(events.map((e) => e.id))}`,
            ),
          );
        }, ms);
        waiters.add(check);
        check();
      });
    },
  };
}
