/**
 * @module The assist runtime for the file-system runtimes (Node, Deno): configuration from the
 * environment, prompts read from prompts/, cassettes in eval/cassettes/ when recording
 * (TIDEDESK_LLM_RECORD=1) or replaying (`replay: true`, e.g. the eval runner's replay provider).
 */
import { type Assist, createAssist, resolveAssistConfig } from '#assist/index.ts';
import type { Env } from '#src/config/env.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Logger } from '#src/ports/logger.ts';
import { createCassetteDirStore } from './cassette-files.ts';
import { readPromptFiles } from './prompt-files.ts';

export interface FileSystemAssistOptions {
  logger: Logger;
  clock: Clock;
  /** Serve every LLM call from eval/cassettes/ instead of the network. */
  replay?: boolean;
  /** Override the cassette folder (tests). */
  cassettesDir?: string;
}

export function createFileSystemAssist(env: Env, options: FileSystemAssistOptions): Assist {
  const config = resolveAssistConfig(env);
  const store = () => createCassetteDirStore(options.cassettesDir);
  return createAssist(config, {
    logger: options.logger,
    clock: options.clock,
    detector: createPiiDetector(),
    prompts: readPromptFiles(),
    ...(config.record && { cassettes: store() }),
    ...(options.replay && { replay: store() }),
  });
}
