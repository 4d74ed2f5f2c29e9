/**
 * @module Scripted Tidedesk actors for load and crash tests: staff signing in, widget customers
 * opening conversations, staff claiming them. Everything goes through the public API.
 */
import type { HttpClient } from './http-client.ts';

export const DEMO_PASSWORD = 'tidedesk-demo';

export interface MessageEventData {
  seq: number;
  type: string;
  conversationId: string;
  message?: { id: string; seq: number; clientMessageId: string; text: string };
}

export async function signIn(http: HttpClient, email: string): Promise<string> {
  const res = await http.json<{ token: string }>('POST', '/api/v1/auth/token', {
    body: { email, password: DEMO_PASSWORD },
  });
  return res.body.token;
}

export interface OpenedConversation {
  id: string;
  customerToken: string;
  /** The claimer's token: the assignee, who may stream and answer the conversation. */
  staffToken: string;
  staffEmail: string;
}

/** Who takes the conversations: claiming is the supervisor override, which works whether or not
 * the live dispatcher runs (with it, agents only accept offers; without it, anyone staff claims). */
export const DEFAULT_CLAIMERS = ['supervisor@demo.test'];

/**
 * `count` widget customers each open one conversation and the `claimers` (round-robin) claim
 * them, so every conversation has a writer on both sides and a staff reader allowed to stream it.
 */
export async function openClaimedConversations(
  http: HttpClient,
  count: number,
  claimers: string[] = DEFAULT_CLAIMERS,
  label = 'bench',
): Promise<OpenedConversation[]> {
  const tokens = await Promise.all(claimers.map((e) => signIn(http, e)));
  const opened: OpenedConversation[] = [];
  for (let i = 0; i < count; i++) {
    const session = await http.json<{ token: string }>('POST', '/api/v1/widget/sessions', {
      body: { tenant: 'demo' },
      expect: [201],
    });
    const conv = await http.json<{ id: string }>('POST', '/api/v1/conversations', {
      token: session.body.token,
      body: { text: `${label} conversation ${i}`, clientMessageId: `${label}-open-${i}` },
      expect: [201],
    });
    const a = i % tokens.length;
    await http.json('POST', `/api/v1/conversations/${conv.body.id}/claim`, { token: tokens[a] });
    opened.push({
      id: conv.body.id,
      customerToken: session.body.token,
      staffToken: tokens[a] as string,
      staffEmail: claimers[a] as string,
    });
  }
  return opened;
}

export const messagesPath = (conversationId: string) => `/api/v1/conversations/${conversationId}/messages`;
export const eventsPath = (conversationId: string) => `/api/v1/conversations/${conversationId}/events`;
