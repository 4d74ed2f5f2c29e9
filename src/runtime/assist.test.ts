import { describe, expect, it } from 'vitest';
import { parseEnv } from '#src/config/env.ts';
import { createFakeClock } from '#src/ports/clock.ts';
import { silentLogger } from '#src/ports/logger.ts';
import { createFileSystemAssist } from './assist.ts';

const deps = { logger: silentLogger, clock: createFakeClock() };

describe('createFileSystemAssist', () => {
  it('starts embedded-only from an empty environment, with the shipped prompts loaded', () => {
    const assist = createFileSystemAssist(parseEnv({}), deps);
    expect(assist.llm).toBeNull();
    expect(assist.prompts.list().map((p) => p.id)).toEqual(
      expect.arrayContaining(['copilot-reply', 'compliance-judge']),
    );
    expect(assist.cassettes).toEqual({ recorder: null, replayer: null });
  });

  it('wires the recorder when TIDEDESK_LLM_RECORD=1 and the replayer when asked to replay', () => {
    const env = parseEnv({
      TIDEDESK_LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
      TIDEDESK_LLM_MODEL: 'qwen2.5:7b',
      TIDEDESK_LLM_RECORD: '1',
    });
    const recording = createFileSystemAssist(env, deps);
    expect(recording.llm?.name).toBe('openai-compatible');
    expect(recording.cassettes.recorder).not.toBeNull();
    const replaying = createFileSystemAssist(parseEnv({}), { ...deps, replay: true });
    expect(replaying.llm?.name).toBe('replay');
    expect(replaying.llm?.isConfigured('copilot')).toBe(true);
    expect(replaying.cassettes.replayer).not.toBeNull();
  });
});
