import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { describe, expect, it } from 'vitest';
import * as schema from '#src/db/schema/index.ts';
import {
  interviewAnswers,
  interviewCandidates,
  interviewTypingBatches,
  interviewTypingTests,
} from '#src/db/schema/interviews.ts';
import { chunked, MAX_PARAMS, rowsPerInsert } from './context.ts';

const db = drizzle(createClient({ url: ':memory:' }), { schema });

describe('D1-sized inserts', () => {
  it('a full multi-row insert of each bulk-inserted table binds at most 100 parameters', () => {
    const n = (t: Parameters<typeof rowsPerInsert>[0]) => rowsPerInsert(t);
    const statements = [
      db.insert(interviewCandidates).values(
        Array.from({ length: n(interviewCandidates) }, (_, i) => ({
          id: `c${i}`,
          tenantId: 't',
          campaignId: 'x',
          email: `e${i}`,
          name: 'n',
          token: `t${i}`,
          createdAt: 1,
        })),
      ),
      db.insert(interviewTypingBatches).values(
        Array.from({ length: n(interviewTypingBatches) }, (_, i) => ({
          candidateId: `c${i}`,
          seq: 0,
          events: [],
          receivedAt: 1,
        })),
      ),
      db.insert(interviewTypingTests).values(
        Array.from({ length: n(interviewTypingTests) }, (_, i) => ({
          candidateId: `c${i}`,
          tenantId: 't',
          finalText: 'x',
          durationMs: 1,
          result: {},
          submittedAt: 1,
        })),
      ),
      db.insert(interviewAnswers).values(
        Array.from({ length: n(interviewAnswers) }, (_, i) => ({
          id: `a${i}`,
          tenantId: 't',
          candidateId: 'c',
          questionId: 'q',
          mode: 'text' as const,
        })),
      ),
    ];
    for (const st of statements) {
      const params = st.toSQL().params.length;
      expect(params).toBeLessThanOrEqual(MAX_PARAMS);
      expect(params).toBeGreaterThan(MAX_PARAMS / 2);
    }
  });

  it('chunked splits into slices of at most the size', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunked([], 3)).toEqual([]);
  });
});
