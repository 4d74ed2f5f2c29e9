/** @module Conversation handlers: thin adapters from HTTP to the conversation service. */

import type { Context } from 'hono';
import { requireCustomer, requirePrincipal, requireStaff } from '#src/http/auth.ts';
import type { AppEnv } from '#src/http/env.ts';
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { eventStream, resumePosition } from '#src/http/sse.ts';
import { conversationEventsAfter } from '#src/services/conversations/event-log.ts';
import {
  acceptRoute,
  claimRoute,
  conversationEventsRoute,
  createConversationRoute,
  declineRoute,
  getConversationRoute,
  listConversationsRoute,
  listMessagesRoute,
  postMessageRoute,
  resolveRoute,
  transferRoute,
} from './conversations.routes.ts';

const convs = (c: Context<AppEnv>) => c.get('services').conversations;

export const conversationRoutes = createRouter()
  .openapi(createConversationRoute, async (c) => {
    const p = requireCustomer(c);
    const { conversation, created } = await convs(c).create(p, c.req.valid('json'));
    return created ? c.json(conversation, STATUS.CREATED) : c.json(conversation, STATUS.OK);
  })
  .openapi(listConversationsRoute, async (c) => {
    const p = requireStaff(c);
    const q = c.req.valid('query');
    const items = await convs(c).list(p, { states: q.state, mine: q.mine, limit: q.limit });
    return c.json({ items }, STATUS.OK);
  })
  .openapi(getConversationRoute, async (c) => {
    const conv = await convs(c).getReadable(requirePrincipal(c), c.req.valid('param').id);
    return c.json(conv, STATUS.OK);
  })
  .openapi(postMessageRoute, async (c) => {
    const p = requirePrincipal(c);
    const { message, created } = await convs(c).post(p, c.req.valid('param').id, c.req.valid('json'));
    const { tenantId: _t, ...dto } = message;
    return created ? c.json(dto, STATUS.CREATED) : c.json(dto, STATUS.OK);
  })
  .openapi(listMessagesRoute, async (c) => {
    const p = requirePrincipal(c);
    const { after, limit } = c.req.valid('query');
    const rows = await convs(c).messagesAfter(p, c.req.valid('param').id, after, limit);
    return c.json({ items: rows.map(({ tenantId: _t, ...m }) => m) }, STATUS.OK);
  })
  .openapi(conversationEventsRoute, async (c) => {
    const p = requirePrincipal(c);
    const conv = await convs(c).getReadable(p, c.req.valid('param').id);
    const { db } = c.get('services');
    return eventStream(c, {
      tenantId: conv.tenantId,
      after: resumePosition(c),
      keyOf: (ev) => ev.seq ?? 0,
      wants: (ev) => ev.conversationId === conv.id,
      isNext: (ev, last) => ev.seq === last + 1,
      replay: (after) => conversationEventsAfter(db, conv.tenantId, conv.id, after),
    }) as never;
  })
  .openapi(claimRoute, async (c) => {
    const p = requireStaff(c, 'agent', 'supervisor', 'admin');
    return c.json(await convs(c).claim(p, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(resolveRoute, async (c) => {
    const p = requireStaff(c, 'agent', 'supervisor', 'admin');
    return c.json(await convs(c).resolve(p, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(acceptRoute, async (c) => {
    const p = requireStaff(c, 'agent');
    return c.json(await c.get('services').dispatch.accept(p, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(declineRoute, async (c) => {
    const p = requireStaff(c, 'agent');
    await c.get('services').dispatch.decline(p, c.req.valid('param').id);
    return c.body(null, STATUS.NO_CONTENT);
  })
  .openapi(transferRoute, async (c) => {
    const p = requireStaff(c, 'agent', 'supervisor', 'admin');
    const id = c.req.valid('param').id;
    return c.json(await c.get('services').dispatch.transfer(p, id, c.req.valid('json')), STATUS.OK);
  });
