import { describe, expect, it } from 'vitest';
import { isIPv6 } from './ip.ts';
import { values } from './test-helpers.ts';

describe('IP address recogniser', () => {
  it('finds public IPv4 and IPv6 addresses', () => {
    expect(values('login from 203.0.113.42 flagged', 'IP_ADDRESS')).toEqual(['203.0.113.42']);
    expect(values('IP是58.211.3.4:8080', 'IP_ADDRESS')).toEqual(['58.211.3.4']);
    expect(values('my IPv6 is 2001:db8::8a2e:370:7334.', 'IP_ADDRESS')).toEqual(['2001:db8::8a2e:370:7334']);
  });

  it('does not take version strings, user agents, clock times or a home router', () => {
    expect(values('固件版本10.2.3.4升级后', 'IP_ADDRESS')).toEqual([]);
    expect(values('firmware 1.2.0.15 crashes', 'IP_ADDRESS')).toEqual([]);
    expect(values('Chrome/120.0.0.0 Safari/537.36', 'IP_ADDRESS')).toEqual([]);
    expect(values('meeting at 14:30:00', 'IP_ADDRESS')).toEqual([]);
    expect(values('I cannot open 192.168.0.1 to reset it', 'IP_ADDRESS')).toEqual([]);
  });

  it('parses IPv6 text forms', () => {
    expect(isIPv6('2001:db8:0:0:0:0:2:1')).toBe(true);
    expect(isIPv6('::ffff:192.0.2.128')).toBe(true);
    expect(isIPv6('1::2::3')).toBe(false);
    expect(isIPv6('00:1A:2B:3C:4D:5E')).toBe(false);
  });
});
