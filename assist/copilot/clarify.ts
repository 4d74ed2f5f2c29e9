/**
 * @module Clarifying questions for a conversation without an SOP: a small, fixed bilingual set,
 * chosen by what the conversation still lacks (the issue, the order number, the item). They are
 * trusted text like SOP scripts, so the guard treats them the same way.
 */
import type { Lang } from './types.ts';

export interface ClarifyingQuestion {
  key: string;
  text: Record<Lang, string>;
}

const ASK_ISSUE: ClarifyingQuestion = {
  key: 'ask-issue',
  text: {
    zh: '您好，请问您遇到的是订单、物流、退款还是账号方面的问题呢？我来帮您处理。',
    en: 'Hello! Could you tell me a bit more: is this about an order, a delivery, a refund or your account?',
  },
};

const ASK_ORDER: ClarifyingQuestion = {
  key: 'ask-order',
  text: {
    zh: '方便提供一下订单号吗？我帮您查一下具体情况。',
    en: 'Could you share the order number so I can look into it?',
  },
};

const ASK_DETAIL: ClarifyingQuestion = {
  key: 'ask-detail',
  text: {
    zh: '请问具体是哪件商品，遇到了什么情况呢？',
    en: 'Which item is it, and what happened exactly?',
  },
};

const ASK_WHAT_TO_DO: ClarifyingQuestion = {
  key: 'ask-what-to-do',
  text: {
    zh: '好的，订单 {{order_number}} 我已经收到了。请问您希望我帮您处理什么呢？',
    en: 'Thanks, I have order {{order_number}}. What would you like me to do with it?',
  },
};

export interface ClarifyState {
  hasCustomerText: boolean;
  hasOrder: boolean;
  hasProduct: boolean;
}

/** The clarifying questions that fit, best first (at most two). */
export function clarifyingQuestions(state: ClarifyState): ClarifyingQuestion[] {
  if (!state.hasCustomerText) return [ASK_ISSUE];
  const out: ClarifyingQuestion[] = [];
  if (state.hasOrder) out.push(ASK_WHAT_TO_DO);
  else out.push(ASK_ISSUE, ASK_ORDER);
  if (!state.hasProduct) out.push(ASK_DETAIL);
  return out.slice(0, 2);
}
