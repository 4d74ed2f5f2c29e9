/**
 * @module CPU time of this process and of a child server, so a result can say which side was
 * saturated (a server at 100 % of a core is the bottleneck; a client at 100 % makes the number a
 * floor). Child CPU comes from /proc and is NaN where that does not exist.
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on every mainstream Linux build

/** User + system CPU seconds used so far by `pid` (NaN off Linux). */
export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

export interface CpuUse {
  serverPct: number;
  clientPct: number;
  /** CPU seconds the server used — divided by requests, the cost of one request. */
  serverS: number;
}

export interface CpuMeter {
  /** Percent of one core used by the server and by this process since the meter started. */
  stop(): CpuUse;
}

export function startCpuMeter(serverPid: number | undefined): CpuMeter {
  const wall = performance.now();
  const server = processCpuSeconds(serverPid);
  const client = process.cpuUsage();
  return {
    stop() {
      const seconds = (performance.now() - wall) / 1000;
      const used = process.cpuUsage(client);
      const pct = (v: number) => Math.round((v / seconds) * 100);
      const serverS = processCpuSeconds(serverPid) - server;
      return {
        serverS,
        serverPct: pct(serverS),
        clientPct: pct((used.user + used.system) / 1e6),
      };
    },
  };
}
