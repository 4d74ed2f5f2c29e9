import { describe, expect, it } from 'vitest';
import { parseEnv } from '#src/config/env.ts';
import { hasAnyEndpoint, resolveAssistConfig } from './config.ts';

describe('resolveAssistConfig', () => {
  it('configures nothing without TIDEDESK_LLM_* (embedded only)', () => {
    const config = resolveAssistConfig(parseEnv({}));
    expect(config.endpoints).toEqual({});
    expect(hasAnyEndpoint(config)).toBe(false);
    expect(config).toMatchObject({ timeoutMs: 8000, record: false, structuredOutput: 'jsonSchema' });
  });

  it('shares one endpoint across chat capabilities, never for pii, and speech only with an STT model', () => {
    const config = resolveAssistConfig(
      parseEnv({
        TIDEDESK_LLM_BASE_URL: 'https://api.deepseek.com/v1',
        TIDEDESK_LLM_API_KEY: 'sk-shared',
        TIDEDESK_LLM_MODEL: 'deepseek-chat',
      }),
    );
    expect(Object.keys(config.endpoints).sort()).toEqual([
      'compliance',
      'copilot',
      'intent',
      'interview',
      'simulator',
    ]);
    expect(config.endpoints.copilot).toEqual({
      baseURL: 'https://api.deepseek.com/v1',
      apiKey: 'sk-shared',
      model: 'deepseek-chat',
    });
  });

  it('lets a capability override model and endpoint, without leaking the shared key to it', () => {
    const config = resolveAssistConfig(
      parseEnv({
        TIDEDESK_LLM_BASE_URL: 'https://api.openai.com/v1',
        TIDEDESK_LLM_API_KEY: 'sk-openai',
        TIDEDESK_LLM_MODEL: 'gpt-4o-mini',
        TIDEDESK_LLM_MODEL_COPILOT: 'gpt-4o',
        TIDEDESK_LLM_BASE_URL_COMPLIANCE: 'http://127.0.0.1:11434/v1',
        TIDEDESK_LLM_MODEL_COMPLIANCE: 'qwen2.5:7b',
        TIDEDESK_STT_MODEL: 'whisper-1',
        TIDEDESK_LLM_TIMEOUT_MS: '2500',
        TIDEDESK_LLM_RECORD: '1',
      }),
    );
    expect(config.endpoints.copilot).toEqual({
      baseURL: 'https://api.openai.com/v1',
      apiKey: 'sk-openai',
      model: 'gpt-4o',
    });
    expect(config.endpoints.compliance).toEqual({
      baseURL: 'http://127.0.0.1:11434/v1',
      apiKey: 'not-needed',
      model: 'qwen2.5:7b',
    });
    expect(config.endpoints.transcription).toEqual({
      baseURL: 'https://api.openai.com/v1',
      apiKey: 'sk-openai',
      model: 'whisper-1',
    });
    expect(config.timeoutMs).toBe(2500);
    expect(config.record).toBe(true);
  });

  it('configures only the capability that has its own endpoint when there is no shared one', () => {
    const config = resolveAssistConfig(
      parseEnv({
        TIDEDESK_LLM_BASE_URL_SIMULATOR: 'http://vllm.internal:8000/v1',
        TIDEDESK_LLM_MODEL_SIMULATOR: 'Qwen2.5-14B-Instruct',
      }),
    );
    expect(Object.keys(config.endpoints)).toEqual(['simulator']);
  });

  it('rejects a malformed override URL at start-up', () => {
    expect(() => parseEnv({ TIDEDESK_LLM_BASE_URL_COPILOT: 'not a url' })).toThrow(
      /TIDEDESK_LLM_BASE_URL_COPILOT/,
    );
  });
});
