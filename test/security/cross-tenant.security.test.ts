/**
 * Cross-tenant access on every route of the OpenAPI document. Tenant A (demo) gets real
 * resources — a conversation with a customer message, and whatever its list endpoints return
 * (people, SOPs with steps, skills, cards, campaigns …); every operation with a path parameter is
 * then called as tenant B (northwind) admin, agent and customer with A's ids filled in and a body
 * built from the operation's own schema. A leak is a 2xx whose path names an A-only id, or any
 * response body that contains an A-only id. Also role escalation (customer → staff routes,
 * agent → admin routes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  minLength?: number;
  format?: string;
};
interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const ID_PATTERN = /\b[a-z]{2,12}_[0-9a-f]{6,32}\b/g;
/** Path parameters that are capabilities (a secret invite/session token), not tenant-scoped ids. */
const CAPABILITY_PARAMS = new Set(['token', 'inviteToken']);

let t: TestApp;
let doc: OpenApiDoc;
const aIds = new Set<string>();
const bIds = new Set<string>();
/** Path prefix (before the parameter) → A ids seen in that collection. */
const collections = new Map<string, string[]>();

function idsIn(text: string): string[] {
  return text.match(ID_PATTERN) ?? [];
}

function resolve(s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && cur.$ref; i++) {
    cur = doc.components?.schemas?.[cur.$ref.split('/').pop() ?? ''] ?? {};
  }
  return cur;
}

/** A minimal value that satisfies the schema, so validation passes and authorization is reached. */
function sample(raw: Schema | undefined, depth = 0): unknown {
  const s = resolve(raw);
  if (depth > 6) return null;
  if (s.example !== undefined) return s.example;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt.find((x) => resolve(x).type !== 'null') ?? alt[0], depth + 1);
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((x) => sample(x, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const key of s.required ?? []) out[key] = sample(s.properties?.[key], depth + 1);
    return out;
  }
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return Math.max(1, s.minimum ?? 1);
  if (type === 'boolean') return false;
  if (s.format === 'email') return 'someone@example.com';
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

async function harvest(tokens: string[], into: Set<string>, record: boolean) {
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!ops.get || path.includes('{') || /events|stream|export|\.csv/.test(path)) continue;
    for (const token of tokens) {
      const res = await t.call('GET', path, { token });
      if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) continue;
      const found = idsIn(await res.text());
      for (const id of found) into.add(id);
      if (record && found.length) collections.set(path, [...(collections.get(path) ?? []), ...found]);
    }
  }
}

function fillPath(path: string, opts: { aOnly: Set<string> }): { url: string; usesA: boolean } | null {
  let usesA = false;
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const prefix = path.slice(0, path.indexOf(`{${name}}`) - 1);
    if (name === 'version') return '1';
    if (name === 'index') return '0';
    // The collection at the same path, else one named like the segment (qa/conversations → conversations).
    const segment = prefix.split('/').pop() ?? '';
    const sameKind = [...collections.entries()].filter(([k]) => k.split('/').pop() === segment);
    const candidates = collections.get(prefix)?.length
      ? (collections.get(prefix) ?? [])
      : sameKind.flatMap(([, v]) => v);
    const pool = candidates.filter((id) => opts.aOnly.has(id));
    const pick = pool[0];
    if (pick) {
      usesA = true;
      return pick;
    }
    return `${name}_0000000000ff`;
  });
  return { url, usesA };
}

beforeAll(async () => {
  t = await createTestApp();
  doc = (await (await t.app.request('/openapi.json')).json()) as OpenApiDoc;
  // Tenant A: a customer conversation (so conversation routes have a real target).
  const customerA = await t.customer('demo');
  const conv = await t.call('POST', '/api/v1/conversations', {
    token: customerA,
    body: { text: '我的订单 1234 还没到，电话 13812345678', clientMessageId: 'xt-1' },
  });
  expect(conv.status).toBe(201);
  const aTokens = await Promise.all(
    [
      'admin@demo.test',
      'supervisor@demo.test',
      'recruiter@demo.test',
      'trainee1@demo.test',
      'qa@demo.test',
    ].map((e) => t.login(e)),
  );
  // Resources the seed has none of in A: create one each through the API (body from its schema).
  const creations: [string, number][] = [
    ['/api/v1/interviews/campaigns', 2],
    ['/api/v1/training/sessions', 3],
    ['/api/v1/copilot/golden-replies', 1],
    ['/api/v1/qa/golden-cases', 4],
  ];
  for (const [path, who] of creations) {
    const schema = doc.paths[path]?.post?.requestBody?.content?.['application/json']?.schema;
    await t.call('POST', path, { token: aTokens[who], body: schema ? sample(schema) : {} });
  }
  await harvest(aTokens, aIds, true);
  const bTokens = [await t.login('admin@northwind.test')];
  await harvest(bTokens, bIds, false);
  // Nested collections the lists above name: a SOP's steps, a campaign's candidates.
  const sopId = collections.get('/api/v1/sops')?.[0];
  if (sopId) {
    const sop = await (await t.call('GET', `/api/v1/sops/${sopId}`, { token: aTokens[0] })).text();
    const steps = idsIn(sop).filter((id) => id !== sopId);
    collections.set(`/api/v1/sops/{id}/steps`, steps);
    for (const id of steps) aIds.add(id);
  }
});
afterAll(() => t.close());

describe('cross-tenant access, generated from /openapi.json', () => {
  it('no route returns tenant A data to tenant B admin, agent or customer', async () => {
    const aOnly = new Set([...aIds].filter((id) => !bIds.has(id)));
    expect(aOnly.size).toBeGreaterThan(20);
    const roles = {
      'northwind admin': await t.login('admin@northwind.test'),
      'northwind agent': await t.login('agent1@northwind.test'),
      'northwind customer': await t.customer('northwind'),
    };
    const leaks: string[] = [];
    const outcomes = new Map<number, number>();
    let tried = 0;
    let routes = 0;
    let withRealIds = 0;
    const withoutRealIds = new Set<string>();
    const skipped: string[] = [];
    /** 2xx without A data (B's own resource, e.g. its rule-pack version 1) or 422 before the check. */
    const notRefused: string[] = [];
    // Reads first, so a mutation that wrongly succeeded cannot hide a read leak.
    const methodsOrder = ['get', 'post', 'put', 'patch', 'delete'];
    for (const method of methodsOrder) {
      for (const [path, ops] of Object.entries(doc.paths)) {
        const op = ops[method];
        if (!op || !path.includes('{')) continue;
        const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
        if (params.some((p) => CAPABILITY_PARAMS.has(p))) {
          skipped.push(`${method.toUpperCase()} ${path}`);
          continue;
        }
        const filled = fillPath(path, { aOnly });
        if (!filled) continue;
        routes++;
        if (filled.usesA) withRealIds++;
        else withoutRealIds.add(path);
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const body = schema ? sample(schema) : undefined;
        for (const [role, token] of Object.entries(roles)) {
          tried++;
          const res = await t.call(method.toUpperCase(), filled.url, { token, body });
          outcomes.set(res.status, (outcomes.get(res.status) ?? 0) + 1);
          if (res.ok || res.status === 422)
            notRefused.push(`${role} ${method.toUpperCase()} ${path} → ${res.status}`);
          const type = res.headers.get('content-type') ?? '';
          let text = '';
          if (type.includes('event-stream')) await res.body?.cancel();
          else text = await res.text();
          // Error bodies echo the requested path (`instance`); only ids the caller did not send count.
          const sent = new Set(idsIn(filled.url));
          const leakedIds = idsIn(text).filter((id) => aOnly.has(id) && !sent.has(id));
          if ((res.ok && filled.usesA) || leakedIds.length) {
            leaks.push(
              `${role}: ${method.toUpperCase()} ${filled.url} → ${res.status} ${leakedIds.slice(0, 3)}`,
            );
          }
        }
      }
    }
    console.log(
      `cross-tenant: ${routes} routes × ${Object.keys(roles).length} roles = ${tried} requests, ${leaks.length} leaks; ${withRealIds} routes aimed at a real tenant-A id; ` +
        `statuses ${JSON.stringify(Object.fromEntries(outcomes))}; capability-token routes not applicable: ${skipped.length}`,
    );
    console.log(
      `cross-tenant: no tenant-A resource of the kind to aim at: ${[...withoutRealIds].join(', ')}`,
    );
    console.log(`cross-tenant: answered without a 403/404 (no A data in them): ${notRefused.join('; ')}`);
    expect(leaks).toEqual([]);
    expect(routes).toBeGreaterThan(30);
  });
});

describe('role escalation', () => {
  it('a widget customer gets no staff data from any parameterless route', async () => {
    const customer = await t.customer('demo');
    // What a customer may legitimately call without a path parameter.
    const customerRoutes = new Set([
      'GET /healthz',
      'POST /api/v1/auth/token',
      'POST /api/v1/widget/sessions',
      'POST /api/v1/conversations',
      'GET /api/v1/me',
    ]);
    const escalations: string[] = [];
    let tried = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path.includes('{')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (customerRoutes.has(key)) continue;
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const res = await t.call(method.toUpperCase(), path, {
          token: customer,
          body: schema ? sample(schema) : undefined,
        });
        tried++;
        if (res.headers.get('content-type')?.includes('event-stream')) await res.body?.cancel();
        if (res.ok) escalations.push(`${key} → ${res.status}`);
      }
    }
    console.log(`role escalation (customer → staff): ${tried} routes tried, ${escalations.length} allowed`);
    expect(escalations).toEqual([]);
  });

  it('an agent cannot use admin routes', async () => {
    const agent = await t.login('agent2@demo.test');
    const adminOnly: [string, string, unknown?][] = [
      ['GET', '/api/v1/security/settings'],
      ['PUT', '/api/v1/security/settings', { idleLockMinutes: 0 }],
      ['GET', '/api/v1/audit'],
      ['GET', '/api/v1/audit/export'],
      ['PUT', '/api/v1/pii/policy', {}],
      ['PUT', '/api/v1/pii/patterns', { patterns: [] }],
      ['PUT', '/api/v1/dispatch/policy', {}],
      ['PUT', '/api/v1/compliance/rule-pack', {}],
      ['PUT', '/api/v1/interviews/settings', {}],
    ];
    const allowed: string[] = [];
    for (const [method, path, fallback] of adminOnly) {
      // A body valid for the operation, so the refusal comes from the role check, not validation.
      const schema =
        doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
      const body = schema ? sample(schema) : fallback;
      const res = await t.call(method, path, { token: agent, body });
      if (res.status !== 403) allowed.push(`${method} ${path} → ${res.status}`);
    }
    console.log(
      `role escalation (agent → admin): ${adminOnly.length} routes tried, ${allowed.length} not 403`,
    );
    expect(allowed).toEqual([]);
  });
});
