/**
 * @module Matching a client address against a tenant's allow-list: IPv4 addresses and CIDR
 * ranges (`203.0.113.0/24`), IPv6 addresses compared exactly (IPv6 ranges are not supported
 * yet and are refused by validation). IPv4-mapped IPv6 (`::ffff:1.2.3.4`) counts as IPv4, and
 * the loopback client (`local`) as 127.0.0.1.
 */
import { LOCAL_CLIENT } from './client-ip.ts';

function ipv4(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

function normalise(ip: string): string {
  if (ip === LOCAL_CLIENT) return '127.0.0.1';
  const lower = ip.trim().toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

/** Whether an allow-list entry is something `ipAllowed` understands. */
export function validAllowEntry(entry: string): boolean {
  const [addr = '', bits, extra] = entry.split('/');
  if (extra !== undefined) return false;
  if (ipv4(addr) !== null) return bits === undefined || (/^\d{1,2}$/.test(bits) && Number(bits) <= 32);
  return bits === undefined && /^[0-9a-f:]+$/i.test(addr) && addr.includes(':');
}

export function ipAllowed(ip: string | undefined, list: readonly string[]): boolean {
  if (ip === undefined) return false;
  const addr = normalise(ip);
  const v4 = ipv4(addr);
  return list.some((entry) => {
    const [base = '', bits] = entry.split('/');
    if (v4 === null) return normalise(base) === addr;
    const b = ipv4(base);
    if (b === null) return false;
    const prefix = bits === undefined ? 32 : Number(bits);
    if (prefix === 0) return true;
    const mask = (0xffffffff << (32 - prefix)) >>> 0;
    return (v4 & mask) >>> 0 === (b & mask) >>> 0;
  });
}
