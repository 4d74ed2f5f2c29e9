/** The audit log: admin-only browsing with filters and paging, CSV/JSONL export, append-only. */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '#src/services/audit/audit-log.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import type { AuditEntryDto } from './audit.routes.ts';
import { csvCell } from './csv.ts';

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login('admin@demo.test');
});
afterEach(() => t.close());

const tenantOf = async (token: string) =>
  ((await (await t.call('GET', '/api/v1/me', { token })).json()) as { tenantId: string }).tenantId;

/** Five entries an hour apart: two reveals refused, one allowed, one policy change, one login. */
async function seedLog() {
  const tenantId = await tenantOf(admin);
  // Straight to the service, as a future feature (sign-in, exports) will record.
  const log = createAuditLog({
    db: t.deps.db,
    clock: t.clock,
    redact: async (_tenant, text) => text.replace(/1[3-9]\d{9}/g, '1**********'),
  });
  const actor = (id: string, role: string) => ({ id, role });
  const people = (await (await t.call('GET', '/api/v1/people', { token: admin })).json()) as {
    items: { id: string; email: string; role: string }[];
  };
  const idOf = (email: string) => people.items.find((p) => p.email === email)!.id;
  const entries = [
    { action: 'pii.reveal.denied', who: 'agent2@demo.test', reason: '=HYPERLINK("http://x")' },
    { action: 'pii.reveal', who: 'agent1@demo.test', reason: '核对手机 13812345678' },
    { action: 'pii.reveal.denied', who: 'agent1@demo.test', reason: 'check, "quoted"' },
    { action: 'pii.policy.update', who: 'admin@demo.test', reason: null },
    { action: 'auth.login', who: 'agent1@demo.test', reason: null },
  ];
  const times: number[] = [];
  for (const e of entries) {
    times.push(t.clock.now());
    await log.record({
      tenantId,
      actor: actor(idOf(e.who), e.who.startsWith('admin') ? 'admin' : 'agent'),
      action: e.action,
      target: { type: 'pii', id: 'msg_1-1' },
      conversationId: 'conv_1',
      reason: e.reason,
      ip: '198.51.100.4',
    });
    t.clock.advance(3_600_000);
  }
  return { times, idOf };
}

const list = async (query: string, token = admin) => {
  const res = await t.call('GET', `/api/v1/audit${query}`, { token });
  return { status: res.status, body: (await res.json()) as { items: AuditEntryDto[]; next: number | null } };
};

describe('GET /audit', () => {
  it('filters by action (with sub-actions), actor (id or e-mail) and time, newest first', async () => {
    const { times, idOf } = await seedLog();
    const reveals = await list('?action=pii.reveal');
    expect(reveals.body.items.map((e) => e.action)).toEqual([
      'pii.reveal.denied',
      'pii.reveal',
      'pii.reveal.denied',
    ]);
    const byEmail = await list('?actor=agent1@demo.test');
    expect(byEmail.body.items.map((e) => e.action)).toEqual([
      'auth.login',
      'pii.reveal.denied',
      'pii.reveal',
    ]);
    const byId = await list(`?actor=${idOf('agent1@demo.test')}&action=pii.reveal`);
    expect(byId.body.items).toHaveLength(2);
    const window = await list(
      `?from=${new Date(times[1]!).toISOString()}&to=${new Date(times[3]!).toISOString()}`,
    );
    expect(window.body.items.map((e) => e.action)).toEqual([
      'pii.policy.update',
      'pii.reveal.denied',
      'pii.reveal',
    ]);
    // The reason was masked on the way in.
    expect(reveals.body.items[1]!.reason).toBe('核对手机 1**********');
  });

  it('pages with limit and before', async () => {
    await seedLog();
    // Only the seeded pii.* entries (sign-ins are audited too, by the auth service).
    const first = await list('?action=pii&limit=3');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.next).toBe(first.body.items[2]!.id);
    const second = await list(`?action=pii&limit=3&before=${first.body.next}`);
    expect(second.body.next).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((e) => e.id);
    expect(ids).toHaveLength(4);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('is for admins of the tenant only; bad filters are 422', async () => {
    await seedLog();
    for (const email of ['supervisor@demo.test', 'qa@demo.test', 'agent1@demo.test']) {
      expect((await list('', await t.login(email))).status).toBe(403);
    }
    const theirs = (await list('', await t.login('admin@northwind.test'))).body.items;
    expect(theirs.every((e) => e.actorEmail?.endsWith('@northwind.test'))).toBe(true);
    expect(theirs.some((e) => e.action.startsWith('pii.'))).toBe(false);
    const bad = await list('?from=yesterday');
    expect(bad.status).toBe(422);
    expect((bad.body as unknown as { errors: { path: string }[] }).errors[0]!.path).toBe('query.from');
  });
});

describe('GET /audit/export', () => {
  it('streams CSV with a header, quoting and formula-injection guards, and logs the export itself', async () => {
    await seedLog();
    const res = await t.call('GET', '/api/v1/audit/export?format=csv&action=pii.reveal', { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,action,actor_id,actor_email,actor_role,target_type,target_id,conversation_id,reason,ip,user_agent,detail',
    );
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://x"")"`))).toBe(true);
    expect(lines.some((l) => l.includes('"check, ""quoted"""'))).toBe(true);
    const exports = await list('?action=audit.export');
    expect(exports.body.items).toEqual([
      expect.objectContaining({ action: 'audit.export', detail: { format: 'csv', action: 'pii.reveal' } }),
    ]);
  });

  it('streams JSON Lines, one entry per line', async () => {
    await seedLog();
    const res = await t.call('GET', '/api/v1/audit/export?format=jsonl', { token: admin });
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntryDto);
    // The export's own entry is written first, so it is in the file too.
    expect(rows[0]!.action).toBe('audit.export');
    expect(rows.filter((r) => r.action.startsWith('pii.')).map((r) => r.action)).toEqual([
      'pii.policy.update',
      'pii.reveal.denied',
      'pii.reveal',
      'pii.reveal.denied',
    ]);
  });

  it('is refused to non-admins', async () => {
    const qa = await t.login('qa@demo.test');
    expect((await t.call('GET', '/api/v1/audit/export', { token: qa })).status).toBe(403);
  });
});

describe('append-only', () => {
  it('the database refuses to change an audit entry', async () => {
    await seedLog();
    const failure = await t.deps.db.run(sql`update audit_log set reason = 'edited'`).then(
      () => null,
      (err: Error) => err,
    );
    // drizzle wraps the driver error; the trigger's message is in the cause.
    expect(String((failure as { cause?: unknown } | null)?.cause)).toMatch(/audit_log is append-only/);
    const entries = await list('');
    expect(entries.body.items.some((e) => e.reason === 'edited')).toBe(false);
  });

  it('csvCell neutralises formulas and quotes separators', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});
