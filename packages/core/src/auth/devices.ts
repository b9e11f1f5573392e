import Bowser from 'bowser';
import { isIPv4, isIPv6 } from 'node:net';

export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'tv' | 'unknown';

export interface Device {
  /** "Chrome 156", "Safari 17.4", or "Unknown browser". */
  browser: string;
  /** "Linux", "iOS 17.4", "Windows 10", or "Unknown system". */
  os: string;
  type: DeviceType;
}

const UNKNOWN: Device = { browser: 'Unknown browser', os: 'Unknown system', type: 'unknown' };

/** What a person would call the device behind a User-Agent header; never throws. */
export function describeDevice(userAgent: string | null | undefined): Device {
  if (!userAgent?.trim()) return UNKNOWN;
  let parsed: Bowser.Parser.ParsedResult;
  try {
    parsed = Bowser.parse(userAgent);
  } catch {
    return UNKNOWN;
  }
  const major = parsed.browser.version?.split('.')[0];
  const osVersion = parsed.os.versionName ?? parsed.os.version;
  const type = parsed.platform.type;
  return {
    browser: parsed.browser.name ? `${parsed.browser.name}${major ? ` ${major}` : ''}` : UNKNOWN.browser,
    os: parsed.os.name ? `${parsed.os.name}${osVersion ? ` ${osVersion}` : ''}` : UNKNOWN.os,
    type: type === 'desktop' || type === 'mobile' || type === 'tablet' || type === 'tv' ? type : 'unknown',
  };
}

function v4Network(ip: string): string {
  const [a = 0, b = 0, c = 0] = ip.split('.').map(Number);
  if (a === 127) return '127.0.0.0/8 (this machine)';
  const net = `${a}.${b}.${c}.0/24`;
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
    return `${net} (private network)`;
  if (a === 100 && b >= 64 && b <= 127) return `${net} (carrier network)`;
  if (a === 169 && b === 254) return `${net} (link-local)`;
  return net;
}

/** Expands "2001:db8::1" to its eight groups. */
function v6Groups(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = ip.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...fill, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * The approximate place of an address, from its network only (no lookup anywhere): the /24 of an
 * IPv4 address, the /48 of an IPv6 one, with a word for local and private ranges.
 */
export function networkOf(ip: string | null | undefined): string {
  if (!ip) return 'Unknown network';
  const address = ip.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return v4Network(mapped[1]!);
  if (isIPv4(address)) return v4Network(address);
  if (!isIPv6(address)) return 'Unknown network';
  if (address === '::1') return '::1 (this machine)';
  const groups = v6Groups(address);
  const first = parseInt(groups[0] ?? '0', 16);
  const net = `${groups.slice(0, 3).join(':')}::/48`;
  if ((first & 0xfe00) === 0xfc00) return `${net} (private network)`;
  if ((first & 0xffc0) === 0xfe80) return 'fe80::/10 (link-local)';
  return net;
}
