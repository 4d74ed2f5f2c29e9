import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ bodyLimit: 2048 });
});
afterEach(() => t.close());

interface ProblemJson {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}

async function problem(res: Response): Promise<ProblemJson> {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as ProblemJson;
  expect(body.status).toBe(res.status);
  expect(body.type).toMatch(/^https:\/\/tidedesk\.dev\/problems\//);
  return body;
}

describe('errors are RFC 9457 problems, never 500', () => {
  it('POST /conversations rejects an empty text with 422 and the field path', async () => {
    const customer = await t.customer();
    const res = await t.call('POST', '/api/v1/conversations', {
      token: customer,
      body: { text: '   ', clientMessageId: 'a' },
    });
    expect(res.status).toBe(422);
    const body = await problem(res);
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toContainEqual(expect.objectContaining({ path: 'body.text' }));
  });

  it('reports every invalid field at once', async () => {
    const customer = await t.customer();
    const res = await t.call('POST', '/api/v1/conversations', {
      token: customer,
      body: { text: 5, clientMessageId: 'has spaces' },
    });
    const body = await problem(res);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['body.clientMessageId', 'body.text']);
  });

  it('malformed JSON is a 400', async () => {
    const customer = await t.customer();
    const res = await t.call('POST', '/api/v1/conversations', {
      token: customer,
      body: '{"text": "unterminated',
    });
    expect(res.status).toBe(400);
    expect((await problem(res)).code).toBe('malformed_json');
  });

  it('a body in the wrong media type is a 415', async () => {
    const customer = await t.customer();
    const res = await t.call('POST', '/api/v1/conversations', {
      token: customer,
      body: 'text=hello',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect((await problem(res)).code).toBe('unsupported_media_type');
  });

  it('a body over the limit is a 413', async () => {
    const customer = await t.customer();
    const res = await t.call('POST', '/api/v1/conversations', {
      token: customer,
      body: { text: '长'.repeat(3000), clientMessageId: 'big' },
    });
    expect(res.status).toBe(413);
    expect((await problem(res)).code).toBe('payload_too_large');
  });

  it('an unknown route is a 404 in the same shape', async () => {
    const res = await t.call('GET', '/api/v1/does-not-exist');
    expect(res.status).toBe(404);
    expect((await problem(res)).instance).toBe('/api/v1/does-not-exist');
  });

  it('bad query parameters are a 422 naming the parameter', async () => {
    const admin = await t.login('admin@demo.test');
    const res = await t.call('GET', '/api/v1/conversations?limit=lots&state=open', { token: admin });
    const body = await problem(res);
    expect(res.status).toBe(422);
    expect(body.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['query.limit', 'query.state.0']));
  });

  it('missing or bad credentials are a 401, a wrong role a 403', async () => {
    expect((await t.call('GET', '/api/v1/conversations')).status).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { token: 'not.a.token' })).status).toBe(401);
    const customer = await t.customer();
    const res = await t.call('GET', '/api/v1/people', { token: customer });
    expect(res.status).toBe(403);
    const agent = await t.login('agent3@demo.test');
    expect((await t.call('GET', '/api/v1/people', { token: agent })).status).toBe(403);
    expect(
      (
        await t.call('POST', '/api/v1/conversations', {
          token: agent,
          body: { text: 'x', clientMessageId: 'y' },
        })
      ).status,
    ).toBe(403);
  });

  it('a wrong password is a 401 that does not say which part was wrong', async () => {
    const res = await t.call('POST', '/api/v1/auth/token', {
      body: { email: 'agent1@demo.test', password: 'wrong' },
    });
    expect(res.status).toBe(401);
    const unknown = await t.call('POST', '/api/v1/auth/token', {
      body: { email: 'nobody@demo.test', password: 'wrong' },
    });
    expect((await problem(unknown)).detail).toBe((await problem(res)).detail);
  });

  it('expired tokens are refused (the fake clock moves past the TTL)', async () => {
    const agent = await t.login('agent1@demo.test');
    expect((await t.call('GET', '/api/v1/me', { token: agent })).status).toBe(200);
    t.clock.advance(t.deps.config.tokenTtlSeconds * 1000 + 1);
    expect((await t.call('GET', '/api/v1/me', { token: agent })).status).toBe(401);
  });

  it('writing to a resolved conversation is a 409 and loses nothing already stored', async () => {
    const customer = await t.customer();
    const agent = await t.login('agent1@demo.test');
    const conv = (await (
      await t.call('POST', '/api/v1/conversations', {
        token: customer,
        body: { text: 'hi', clientMessageId: 'o' },
      })
    ).json()) as {
      id: string;
    };
    await t.call('POST', `/api/v1/conversations/${conv.id}/claim`, { token: agent });
    expect((await t.call('POST', `/api/v1/conversations/${conv.id}/resolve`, { token: agent })).status).toBe(
      200,
    );
    const late = await t.call('POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: customer,
      body: { text: 'one more thing', clientMessageId: 'late' },
    });
    expect(late.status).toBe(409);
    const msgs = (await (
      await t.call('GET', `/api/v1/conversations/${conv.id}/messages`, { token: customer })
    ).json()) as {
      items: unknown[];
    };
    expect(msgs.items).toHaveLength(1);
  });
});
