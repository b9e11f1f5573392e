import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const server = fileURLToPath(new URL('../src/server.ts', import.meta.url));

describe('config', () => {
  it('refuses production without JWT_SECRET, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', WEB_ORIGIN: 'https://handoff.example' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', WEB_ORIGIN: 'https://handoff.example' })).toThrow(
      /JWT_SECRET: is required/,
    );
  });

  it('refuses a short secret and a non-numeric port', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32 characters/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
  });

  it('reads TRUST_PROXY as a switch or a list of proxy addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(
      /TRUST_PROXY: must be true, false or a list/,
    );
  });

  it('refuses development mode on a non-loopback host unless told to serve the dev mailbox there', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      /HOST: is not a loopback address.*DEV_REMOTE_ACCESS=true/,
    );
    expect(loadConfig({ HOST: '0.0.0.0', DEV_REMOTE_ACCESS: 'true' }).host).toBe('0.0.0.0');
    for (const host of ['127.0.0.1', 'localhost', '::1']) expect(loadConfig({ HOST: host }).host).toBe(host);
    // Production has no dev mailbox; tests run on loopback anyway.
    expect(loadConfig({ HOST: '0.0.0.0', NODE_ENV: 'test' }).host).toBe('0.0.0.0');
  });

  it('makes a per-process secret in development and says so', () => {
    const a = loadConfig({});
    const b = loadConfig({});
    expect(a.jwtSecretGenerated).toBe(true);
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
    expect(a.port).toBe(4000);
  });

  // A process start through tsx: seconds on a busy machine.
  it(
    'the server process exits with a message when JWT_SECRET is missing in production',
    { timeout: 30_000 },
    () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', server], {
        env: { PATH: process.env.PATH, NODE_ENV: 'production', WEB_ORIGIN: 'https://handoff.example' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/JWT_SECRET: is required when NODE_ENV=production/);
    },
  );
});
