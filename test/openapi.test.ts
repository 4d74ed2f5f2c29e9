import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';

interface Operation {
  responses: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  security?: unknown[];
}
type Doc = { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> };

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp();
  doc = (await (await t.call('GET', '/openapi.json')).json()) as Doc;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with the public conversation contract', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/token',
      '/api/v1/widget/sessions',
      '/api/v1/conversations',
      '/api/v1/conversations/{id}/messages',
      '/api/v1/conversations/{id}/events',
      '/api/v1/agents/me/events',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });

  it('documents a success and the error responses of every operation', () => {
    for (const { path, method, op } of operations()) {
      const codes = Object.keys(op.responses);
      expect(
        codes.some((c) => c.startsWith('2')),
        `${method} ${path} success`,
      ).toBe(true);
      if (path !== '/healthz')
        expect(
          codes.some((c) => c.startsWith('4')),
          `${method} ${path} errors`,
        ).toBe(true);
    }
  });

  it('no input produces a 500: every operation gets junk and answers 4xx', async () => {
    const customer = await t.customer();
    const admin = await t.login('admin@demo.test');
    const junkBodies = [
      '',
      '{',
      'null',
      '[]',
      '{"text":{"$gt":""}}',
      JSON.stringify({ text: 'x'.repeat(10_000) }),
      '\u0000\uFFFF',
    ];
    let tried = 0;
    for (const { path, method, op } of operations()) {
      if (path.endsWith('/events')) continue; // streams are exercised in the stream tests
      const url =
        path.replace('{id}', encodeURIComponent("'; drop table messages; --")) +
        '?limit=-5&after=%ZZ&state=,,';
      for (const token of [undefined, customer, admin]) {
        for (const body of op.requestBody ? junkBodies : [undefined]) {
          const res = await t.call(method.toUpperCase(), url, {
            token,
            ...(body !== undefined ? { body } : {}),
          });
          tried++;
          expect(res.status, `${method} ${url} with ${JSON.stringify(body)?.slice(0, 40)}`).toBeLessThan(500);
          if (res.status >= 400)
            expect(res.headers.get('content-type')).toContain('application/problem+json');
        }
      }
    }
    expect(tried).toBeGreaterThan(30);
    expect(t.logs.filter((l) => l.includes('unhandled error'))).toEqual([]);
  });
});
