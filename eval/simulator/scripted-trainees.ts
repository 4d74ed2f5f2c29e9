/**
 * @module Two generic scripted trainees generated from a τ² card, for the suite's public part: a
 * good one (greets, verifies the identity facts the card's SOP needs, looks up the reservation or
 * order, states the decision or instructions, asks for an explicit yes before writing, gives the
 * requested figures, closes) and a bad one (no greeting or verification, commits to what the card
 * forbids or waves the customer off, leaves). Both are derived from the card itself, so the figures
 * they produce measure whether the engine tells a complete, compliant conversation from a careless
 * one — discrimination — not agreement with human raters.
 */
import type { ScenarioCard } from '#assist/simulator/card.ts';

const IDENTITY: Record<string, string> = {
  'tau2.airline': 'your user id',
  'tau2.retail': 'your email, or your full name and zip code',
  'tau2.telecom': 'the phone number on the account',
};

function firstPhrase(card: ScenarioCard, key: string, group: number): string {
  return card.factCues.find((c) => c.key === key)?.cues[group]?.[0] ?? '';
}

/** A complete, polite, compliant transcript for the card. */
export function goodTrainee(card: ScenarioCard): string[] {
  const steps = card.success.stepsCovered;
  const turns = [
    `Hello, thanks for contacting us — I'm happy to help. To get started, could you please give me ${IDENTITY[card.sop] ?? 'your account details'}?`,
  ];
  if (steps.includes('review-reservation')) {
    turns.push('Thank you. Which reservation is this about — could you confirm the reservation id?');
  }
  if (steps.includes('review-order'))
    turns.push('Thank you. Which order is this about — could you share the order id?');
  const info = card.factCues.find((c) => c.key === 'requested_info');
  const figures = info ? ` The figures you asked for: ${info.cues.map((g) => g[0]).join(', ')}.` : '';
  const outcome = card.success.outcome;
  if (outcome.kind === 'decline') {
    const topic = outcome.cues[1]?.[0] ?? 'do';
    turns.push(
      `I'm sorry, I've checked this against our policy and I'm unable to ${topic} it in your case.${figures}`,
    );
    turns.push("I understand it's disappointing, and I'm sorry, but the policy doesn't allow it.");
  } else if (outcome.kind === 'escalate') {
    turns.push(
      `I'm sorry I can't settle this myself — I'll transfer you to a human agent who can help.${figures}`,
    );
  } else if (card.sop === 'tau2.telecom') {
    const fix = card.factCues.find((c) => c.key === 'fix_steps');
    const actions = fix ? fix.cues.map((g) => g[0]).join(', then ') : 'your settings';
    turns.push(`Let's fix it together: please open Settings and check ${actions}.`);
    turns.push("Thank you. Now please try again and run a test to check if it's working.");
  } else {
    const words = (outcome.cues[0] ?? []).slice(0, 2).join(' and ');
    if (steps.includes('confirm-action')) {
      turns.push(
        `Here's what I can do for you: the ${words} you asked for. ${firstPhrase(card, 'explicit_confirmation', 0) || 'Shall I proceed'}?`,
      );
    }
    turns.push(`All done — the ${words} has been processed.${figures}`);
  }
  turns.push('Is there anything else I can help you with?');
  return turns;
}

/** A careless transcript: no greeting or verification, a forbidden commitment or a brush-off. */
export function badTrainee(card: ScenarioCard): string[] {
  const forbidden = card.mustNotAccept[0]?.keywords[0];
  const middle = forbidden
    ? `OK, ${forbidden.replace(/…/g, ' ')} — done.`
    : "Not sure, that's not something I handle. Try the website.";
  return ['Yeah?', middle, 'Bye.'];
}
