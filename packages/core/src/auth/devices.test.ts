import { describe, expect, it } from 'vitest';
import { describeDevice, networkOf } from './devices.ts';

describe('describeDevice', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      { browser: 'Chrome 156', os: 'Linux', type: 'desktop' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      { browser: 'Safari 17', os: 'iOS 17.4', type: 'mobile' },
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
      { browser: 'Microsoft Edge 120', os: 'Windows 10', type: 'desktop' },
    ],
    ['curl/8.0', { browser: 'Unknown browser', os: 'Unknown system', type: 'unknown' }],
    ['', { browser: 'Unknown browser', os: 'Unknown system', type: 'unknown' }],
    [null, { browser: 'Unknown browser', os: 'Unknown system', type: 'unknown' }],
  ])('names %s', (ua, expected) => {
    expect(describeDevice(ua)).toEqual(expected);
  });
});

describe('networkOf', () => {
  it.each([
    ['127.0.0.1', '127.0.0.0/8 (this machine)'],
    ['::ffff:127.0.0.1', '127.0.0.0/8 (this machine)'],
    ['::1', '::1 (this machine)'],
    ['192.168.1.23', '192.168.1.0/24 (private network)'],
    ['10.2.3.4', '10.2.3.0/24 (private network)'],
    ['172.20.1.9', '172.20.1.0/24 (private network)'],
    ['172.32.1.9', '172.32.1.0/24'],
    ['203.0.113.77', '203.0.113.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['2001:0db8:0000:0000::1', '2001:db8:0::/48'],
    ['fd12:3456:789a::1', 'fd12:3456:789a::/48 (private network)'],
    ['fe80::1%eth0', 'fe80::/10 (link-local)'],
    ['not an ip', 'Unknown network'],
    [null, 'Unknown network'],
  ])('places %s in %s', (ip, expected) => {
    expect(networkOf(ip)).toBe(expected);
  });
});
