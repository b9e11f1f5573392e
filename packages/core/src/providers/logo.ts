import { createHash } from 'node:crypto';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '@handoff/contracts';
import { ValidationError } from '../errors.ts';
import type { LogoUpload } from './ports.ts';

type LogoType = (typeof LOGO_TYPES)[number];

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** The image type the bytes really are, by their magic numbers; null for anything else. */
export function detectImageType(bytes: Buffer): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return null;
}

const LABEL: Record<LogoType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };
const FIELD = 'logo';

/**
 * Accepts a logo only if its declared type is PNG, JPEG or WebP, its bytes really are that type (an
 * SVG or HTML file renamed .png is refused), and it is at most 1 MB. The stored type is the detected one.
 */
export function checkLogo(declaredType: string, bytes: Buffer): LogoUpload {
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  const fail = (message: string) => new ValidationError(message, { [FIELD]: message });
  if (!(LOGO_TYPES as readonly string[]).includes(declared)) {
    throw fail(`Upload a PNG, JPEG or WebP image (${declared || 'no type'} is not accepted)`);
  }
  if (bytes.length === 0) throw fail('The image is empty; choose the file again');
  if (bytes.length > LOGO_MAX_BYTES) throw fail('The image is larger than 1 MB; upload a smaller one');
  const actual = detectImageType(bytes);
  if (!actual) throw fail(`This file is not a real ${LABEL[declared as LogoType]} image`);
  if (actual !== declared) {
    throw fail(`This file is a ${LABEL[actual]} image but was sent as ${LABEL[declared as LogoType]}`);
  }
  return { contentType: actual, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
