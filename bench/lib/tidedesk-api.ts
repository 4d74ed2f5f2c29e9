/**
 * @module Scripted Tidedesk actors for load and crash tests: demo agents signing in, widget
 * customers opening conversations, agents claiming them. Everything goes through the public API.
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
  agentToken: string;
  agentEmail: string;
}

/**
 * `count` customers each open one conversation, and the demo agents agent1…agentN claim them
 * round-robin, so every conversation has a writer on both sides and a reader allowed to stream it.
 */
export async function openClaimedConversations(
  http: HttpClient,
  count: number,
  agents = 20,
  label = 'bench',
): Promise<OpenedConversation[]> {
  const emails = Array.from({ length: Math.min(agents, count) }, (_, i) => `agent${i + 1}@demo.test`);
  const tokens = await Promise.all(emails.map((e) => signIn(http, e)));
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
      agentToken: tokens[a] as string,
      agentEmail: emails[a] as string,
    });
  }
  return opened;
}

export const messagesPath = (conversationId: string) => `/api/v1/conversations/${conversationId}/messages`;
export const eventsPath = (conversationId: string) => `/api/v1/conversations/${conversationId}/events`;
