import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '#src/ports/logger.ts';
import type { StreamEvent } from './bus.ts';
import { createDurableObjectBus, type HubId, type HubNamespace } from './durable-object.ts';
import { CLOCK_SKEW_MS, TenantHub } from './tenant-hub.ts';

/**
 * A namespace of real TenantHub objects, addressed by name like `idFromName` does. The hop from
 * worker to object is simulated with a delay that can differ for subscriptions, because in
 * production a subscription can reach the hub after a publish that was sent later.
 * Node has the same Web streams as workerd.
 */
function hubNamespace(subscribeHopMs = 0) {
  const hubs = new Map<string, TenantHub>();
  const namespace: HubNamespace = {
    idFromName: (name) => ({ name }),
    get: (id: HubId) => {
      const name = id.name ?? '';
      let hub = hubs.get(name);
      if (!hub) {
        hub = new TenantHub();
        hubs.set(name, hub);
      }
      const target = hub;
      return {
        fetch: async (input, init) => {
          const request = new Request(input, init);
          if (request.method === 'GET') await new Promise((r) => setTimeout(r, subscribeHopMs));
          return target.fetch(request);
        },
      };
    },
  };
  return { namespace, hubs };
}

function event(id: number, tenantId = 'ten_a', conversationId = 'conv_1'): StreamEvent {
  return {
    id,
    tenantId,
    conversationId,
    seq: id,
    type: 'message.created',
    assigneeId: null,
    payload: { message: { text: `m${id}` } },
    createdAt: 1_000 + id,
  };
}

function setup(subscribeHopMs = 0) {
  const { namespace, hubs } = hubNamespace(subscribeHopMs);
  const pending: Promise<unknown>[] = [];
  const bus = createDurableObjectBus(namespace, { logger: silentLogger, track: (p) => pending.push(p) });
  return { bus, hubs, pending, flush: () => Promise.all(pending) };
}

/** Resolves once `list` has `n` items (the bus delivers asynchronously, over streams). */
async function waitFor<T>(list: T[], n: number, ms = 2_000): Promise<T[]> {
  const deadline = Date.now() + ms;
  while (list.length < n) {
    if (Date.now() > deadline) throw new Error(`expected ${n} items, have ${list.length}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return list;
}

const unsubscribers: Array<() => void> = [];
afterEach(() => {
  for (const u of unsubscribers.splice(0)) u();
});

describe('Durable Object event bus', () => {
  it('delivers a published event to every subscriber of the tenant, and only that tenant', async () => {
    const { bus, flush } = setup();
    const a1: StreamEvent[] = [];
    const a2: StreamEvent[] = [];
    const b: StreamEvent[] = [];
    unsubscribers.push(bus.subscribe('ten_a', (e) => a1.push(e)));
    unsubscribers.push(bus.subscribe('ten_a', (e) => a2.push(e)));
    unsubscribers.push(bus.subscribe('ten_b', (e) => b.push(e)));
    bus.publish(event(7));
    await flush();
    expect((await waitFor(a1, 1)).map((e) => e.id)).toEqual([7]);
    expect((await waitFor(a2, 1))[0]).toEqual(event(7));
    await new Promise((r) => setTimeout(r, 50));
    expect(b).toEqual([]);
  });

  it('hands every publish to track() so the worker can keep it alive with waitUntil', async () => {
    const { bus, pending, hubs } = setup();
    bus.publish(event(1));
    bus.publish(event(2, 'ten_b'));
    expect(pending).toHaveLength(2);
    // A publish never rejects (failures are logged), so waitUntil gets settled promises.
    await expect(Promise.all(pending)).resolves.toBeDefined();
    expect([...hubs.keys()].sort()).toEqual(['ten_a', 'ten_b']);
  });

  it('delivers events published between subscribe() and the hub stream opening', async () => {
    const { bus, flush, hubs } = setup(30);
    const got: StreamEvent[] = [];
    unsubscribers.push(bus.subscribe('ten_a', (e) => got.push(e)));
    bus.publish(event(1));
    bus.publish(event(2));
    await flush();
    // Both events are at the hub before the subscription is.
    expect(hubs.get('ten_a')).toBeDefined();
    expect(got).toEqual([]);
    expect((await waitFor(got, 2)).map((e) => e.id)).toEqual([1, 2]);
  });

  it('stops calling a listener after unsubscribe', async () => {
    const { bus, flush } = setup();
    const got: StreamEvent[] = [];
    const unsubscribe = bus.subscribe('ten_a', (e) => got.push(e));
    bus.publish(event(1));
    await flush();
    await waitFor(got, 1);
    unsubscribe();
    await new Promise((r) => setTimeout(r, 20));
    bus.publish(event(2));
    await flush();
    await new Promise((r) => setTimeout(r, 50));
    expect(got.map((e) => e.id)).toEqual([1]);
  });

  it('logs, and does not throw or reject, when the hub cannot be reached', async () => {
    const lines: string[] = [];
    const unreachable: HubNamespace = {
      idFromName: (name) => ({ name }),
      get: () => ({ fetch: () => Promise.reject(new Error('hub overloaded')) }),
    };
    const pending: Promise<unknown>[] = [];
    const bus = createDurableObjectBus(unreachable, {
      logger: createLogger('warn', (l) => lines.push(l)),
      track: (p) => pending.push(p),
    });
    expect(() => bus.publish(event(9))).not.toThrow();
    await Promise.all(pending);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'tenant hub publish failed', id: 9 }),
    ]);
  });

  it('keeps delivering to the others when one listener throws', async () => {
    const { bus, flush } = setup();
    const got: StreamEvent[] = [];
    unsubscribers.push(
      bus.subscribe('ten_a', () => {
        throw new Error('closed stream');
      }),
    );
    unsubscribers.push(bus.subscribe('ten_a', (e) => got.push(e)));
    bus.publish(event(1));
    bus.publish(event(2));
    await flush();
    expect((await waitFor(got, 2)).map((e) => e.id)).toEqual([1, 2]);
  });
});

describe('TenantHub', () => {
  async function readLines(res: Response, n: number): Promise<StreamEvent[]> {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const events = () =>
      text
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as StreamEvent);
    while (events().length < n) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
    }
    await reader.cancel();
    return events();
  }

  const publish = (hub: TenantHub, ev: unknown) =>
    hub.fetch(
      new Request('https://hub/publish', {
        method: 'POST',
        body: JSON.stringify(ev),
        headers: { 'content-type': 'application/json' },
      }),
    );

  it('rejects a body that is not a stream event with 400', async () => {
    const res = await publish(new TenantHub(), { hello: 'world' });
    expect(res.status).toBe(400);
  });

  it('replays recent events to a subscriber that asks from before they were published', async () => {
    const hub = new TenantHub();
    const before = Date.now();
    expect((await publish(hub, event(1))).status).toBe(204);
    expect((await publish(hub, event(2))).status).toBe(204);
    const res = await hub.fetch(new Request(`https://hub/subscribe?since=${before}`));
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect((await readLines(res, 2)).map((e) => e.id)).toEqual([1, 2]);
  });

  it('does not replay events older than `since` (beyond the clock-skew margin)', async () => {
    const hub = new TenantHub();
    await publish(hub, event(1));
    const later = Date.now() + CLOCK_SKEW_MS + 1_000;
    const res = await hub.fetch(new Request(`https://hub/subscribe?since=${later}`));
    await publish(hub, event(2));
    expect((await readLines(res, 1)).map((e) => e.id)).toEqual([2]);
  });

  it('answers 404 to anything but publish and subscribe', async () => {
    const res = await new TenantHub().fetch(new Request('https://hub/other'));
    expect(res.status).toBe(404);
  });
});
