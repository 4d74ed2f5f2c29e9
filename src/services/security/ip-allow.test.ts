import { describe, expect, it } from 'vitest';
import { ipAllowed, validAllowEntry } from './ip-allow.ts';

describe('ipAllowed', () => {
  it('matches IPv4 addresses and CIDR ranges', () => {
    const list = ['203.0.113.0/24', '198.51.100.7'];
    expect(ipAllowed('203.0.113.200', list)).toBe(true);
    expect(ipAllowed('203.0.114.1', list)).toBe(false);
    expect(ipAllowed('198.51.100.7', list)).toBe(true);
    expect(ipAllowed('198.51.100.8', list)).toBe(false);
    expect(ipAllowed('::ffff:203.0.113.9', list)).toBe(true);
    expect(ipAllowed('10.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(ipAllowed('11.1.2.3', ['10.0.0.0/8'])).toBe(false);
  });

  it('treats the loopback client as 127.0.0.1, IPv6 exactly, and an unknown address as not allowed', () => {
    expect(ipAllowed('local', ['127.0.0.1'])).toBe(true);
    expect(ipAllowed('local', ['203.0.113.0/24'])).toBe(false);
    expect(ipAllowed('2001:db8::1', ['2001:DB8::1'])).toBe(true);
    expect(ipAllowed(undefined, ['0.0.0.0/0'])).toBe(false);
  });

  it('validates entries', () => {
    expect(validAllowEntry('203.0.113.0/24')).toBe(true);
    expect(validAllowEntry('203.0.113.0/33')).toBe(false);
    expect(validAllowEntry('300.1.1.1')).toBe(false);
    expect(validAllowEntry('2001:db8::/32')).toBe(false);
    expect(validAllowEntry('example.com')).toBe(false);
  });
});
