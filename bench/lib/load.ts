/**
 * @module Load generators. Open loop: request i is due at t0 + i/rate whether or not earlier ones
 * have answered, and latency is measured from that due time — so a stalled server shows up as
 * latency instead of silently lowering the offered load (no coordinated omission). Closed loop:
 * N workers each send the next request when the previous answers — the maximum throughput.
 */

/** Sends request `i`, due at `dueAt` (performance.now() scale); resolves true on success. Must not throw. */
export type SendFn = (i: number, dueAt: number) => Promise<boolean>;

export interface LoadResult {
  /** Requests started. */
  sent: number;
  ok: number;
  failed: number;
  /** Successful requests per second over the whole phase, until the last answer. */
  rps: number;
  elapsedS: number;
  /** Milliseconds per successful request (from the due time in the open loop). */
  latenciesMs: number[];
}

export interface OpenLoopResult extends LoadResult {
  offeredRps: number;
  /** How far behind schedule the generator itself fell at worst (a sanity check on the client). */
  maxScheduleLagMs: number;
}

export async function openLoop(opts: {
  rate: number;
  durationS: number;
  send: SendFn;
}): Promise<OpenLoopResult> {
  const total = Math.round(opts.rate * opts.durationS);
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  const inflight: Promise<void>[] = [];
  let ok = 0;
  let failed = 0;
  let lastDone = 0;
  let maxLag = 0;
  const t0 = performance.now() + 5;
  let i = 0;
  await new Promise<void>((finished) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && t0 + i * interval <= now) {
        const dueAt = t0 + i * interval;
        maxLag = Math.max(maxLag, now - dueAt);
        inflight.push(
          opts.send(i, dueAt).then((success) => {
            const end = performance.now();
            lastDone = Math.max(lastDone, end);
            if (success) {
              ok++;
              latencies.push(end - dueAt);
            } else failed++;
          }),
        );
        i++;
      }
      if (i >= total) finished();
      else setTimeout(tick, Math.max(0, t0 + i * interval - performance.now()));
    };
    setTimeout(tick, 5);
  });
  await Promise.all(inflight);
  const elapsedS = (lastDone - t0) / 1000;
  return {
    offeredRps: opts.rate,
    sent: total,
    ok,
    failed,
    rps: ok / elapsedS,
    elapsedS,
    latenciesMs: latencies,
    maxScheduleLagMs: maxLag,
  };
}

export async function closedLoop(opts: {
  concurrency: number;
  durationS: number;
  send: SendFn;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let next = 0;
  const start = performance.now();
  const stopAt = start + opts.durationS * 1000;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const began = performance.now();
      const success = await opts.send(next++, began);
      if (success) {
        ok++;
        latencies.push(performance.now() - began);
      } else failed++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedS = (performance.now() - start) / 1000;
  return { sent: next, ok, failed, rps: ok / elapsedS, elapsedS, latenciesMs: latencies };
}
