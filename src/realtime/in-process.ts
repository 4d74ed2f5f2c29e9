/** @module In-process event bus for one Node or Deno process: a listener set per tenant. */
import type { EventBus, StreamEvent, StreamListener } from './bus.ts';

export function createInProcessBus(): EventBus {
  const byTenant = new Map<string, Set<StreamListener>>();
  return {
    publish(event: StreamEvent) {
      const listeners = byTenant.get(event.tenantId);
      if (!listeners) return;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // A failing subscriber (e.g. a closed stream) must not stop delivery to the others.
        }
      }
    },
    subscribe(tenantId, listener) {
      let set = byTenant.get(tenantId);
      if (!set) {
        set = new Set();
        byTenant.set(tenantId, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) byTenant.delete(tenantId);
      };
    },
  };
}
