/**
 * @module The knowledge a copilot case is answered with. Authored cases use the demo tenant:
 * its 12 SOPs, its 70 articles (ids `demo-<lang>-<n>`, seed order) and the accepted past replies
 * in eval/copilot/golden-replies.jsonl — written before the cases, as agents' own wording.
 */
import { z } from 'zod';
import type { CopilotOptions, KnowledgeArticle } from '#assist/copilot/index.ts';
import { DEMO_ARTICLES } from '#src/db/seed/demo-knowledge.ts';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import { readJsonl } from '../harness/jsonl.ts';
import { fromRepoRoot } from '../harness/paths.ts';

export const GOLDEN_REPLIES_FILE = 'eval/copilot/golden-replies.jsonl';

export const GoldenReplySchema = z.object({
  id: z.string().min(1),
  sop: z.string().min(1),
  step: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  text: z.string().min(1),
  context: z.string().min(1).optional(),
});

/** Demo articles with stable ids (the database assigns its own; the eval needs fixed ones). */
export function demoArticles(): KnowledgeArticle[] {
  const seen: Record<string, number> = {};
  return DEMO_ARTICLES.map((a) => {
    seen[a.lang] = (seen[a.lang] ?? 0) + 1;
    return {
      id: `demo-${a.lang}-${seen[a.lang]}`,
      lang: a.lang,
      title: a.title,
      body: a.body,
      tags: a.tags,
      sopKey: a.sopKey ?? null,
    };
  });
}

/** The demo tenant as the copilot sees it. */
export async function demoTenant(): Promise<CopilotOptions> {
  const goldenReplies = await readJsonl(
    fromRepoRoot(GOLDEN_REPLIES_FILE),
    GoldenReplySchema,
    GOLDEN_REPLIES_FILE,
  );
  return { sops: DEMO_SOPS, knowledge: demoArticles(), goldenReplies };
}
