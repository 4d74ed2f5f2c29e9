import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('applies the embedded defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('file:./data/tidedesk.db');
    expect(env.TIDEDESK_LLM_BASE_URL).toBeUndefined();
  });

  it('accepts Turso URLs with an auth token', () => {
    const env = parseEnv({ DATABASE_URL: 'libsql://tidedesk-acme.turso.io', DATABASE_AUTH_TOKEN: 'tok' });
    expect(env.DATABASE_URL).toBe('libsql://tidedesk-acme.turso.io');
    expect(env.DATABASE_AUTH_TOKEN).toBe('tok');
  });

  it('names every bad variable', () => {
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x', TIDEDESK_MASTER_KEY: 'short' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const msg = (err as EnvError).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('TIDEDESK_MASTER_KEY');
    }
  });
});
