/** @module Audit log handlers (admin): browse with filters and page on; export streams every match. */
import { requireStaff } from '#src/http/auth.ts';
import { clientInfo } from '#src/http/client-info.ts';
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { exportAuditRoute, listAuditRoute } from './audit.routes.ts';
import { AUDIT_CSV_COLUMNS, auditCsvRow, csvRow } from './csv.ts';

export const auditRoutes = createRouter()
  .openapi(listAuditRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    const q = c.req.valid('query');
    const items = await c.get('services').audit.list(p.tenantId, q);
    const next = items.length === q.limit ? (items[items.length - 1]?.id ?? null) : null;
    return c.json({ items, next }, STATUS.OK);
  })
  .openapi(exportAuditRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    const { format, ...filter } = c.req.valid('query');
    const { audit, clock } = c.get('services');
    // Exporting the log is itself worth a line in it (before the rows, so it is in the file too).
    await audit.record({
      tenantId: p.tenantId,
      actor: { id: p.userId, role: p.role },
      action: 'audit.export',
      target: { type: 'audit-log', id: format },
      ...clientInfo(c),
      detail: { format, ...filter },
    });
    const rows = audit.all(p.tenantId, filter);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        if (format === 'csv') controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_COLUMNS)));
      },
      async pull(controller) {
        const { value, done } = await rows.next();
        if (done) return controller.close();
        controller.enqueue(
          encoder.encode(format === 'csv' ? auditCsvRow(value) : `${JSON.stringify(value)}\n`),
        );
      },
    });
    const stamp = new Date(clock.now()).toISOString().slice(0, 10);
    return new Response(body, {
      status: STATUS.OK,
      headers: {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${stamp}.${format}"`,
        'cache-control': 'no-store',
      },
    }) as never;
  });
