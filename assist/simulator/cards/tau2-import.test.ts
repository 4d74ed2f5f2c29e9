import { describe, expect, it } from 'vitest';
import { importTau2, type Tau2Task, tau2CardId, toFirstPerson } from './tau2-import.ts';

// Synthetic tasks in τ²-bench's shape (written for this test, not taken from the dataset).
const decline: Tau2Task = {
  id: '900',
  user_scenario: {
    persona: null,
    instructions: {
      domain: 'airline',
      reason_for_call: 'You want to cancel reservation ZZ12AB. You booked it last month.',
      known_info: 'You are Ada Lane. Your user id is ada_lane_1234.',
      unknown_info: null,
      task_instructions:
        'If the agent says the cancellation is not possible, mention that your friend got a refund. You are impatient.',
    },
  },
  evaluation_criteria: {
    actions: [],
    communicate_info: [],
    nl_assertions: ['Agent should not cancel the reservation.'],
  },
};

const retail: Tau2Task = {
  id: '901',
  user_scenario: {
    instructions: {
      domain: 'retail',
      reason_for_call: 'You want to return the lamp from order #W0000001 and know the refund amount.',
      known_info: 'You are Bo Chen in zip code 10001.',
      unknown_info: 'You do not remember your email address.',
      task_instructions: 'You are chatty.',
    },
  },
  evaluation_criteria: {
    actions: [
      { name: 'find_user_id_by_name_zip' },
      { name: 'get_order_details' },
      { name: 'return_delivered_order_items' },
    ],
    communicate_info: ['1628.5'],
    nl_assertions: null,
  },
};

const telecom: Tau2Task = {
  id: '[service_issue]airplane_mode_on[PERSONA:Hard]',
  user_scenario: {
    persona: 'You feel anxious with technology.',
    instructions: {
      domain: 'telecom',
      reason_for_call: 'Your phone has no service.',
      known_info: 'You are Al Bo with phone number 555-000-1111.',
    },
  },
  evaluation_criteria: { actions: [{ name: 'toggle_airplane_mode' }, { name: 'reboot_device' }] },
};

describe('τ²-bench task → card', () => {
  it('maps a refusal task to a decline card with the forbidden commitment', () => {
    const { cards, skipped } = importTau2('airline', [decline]);
    expect(skipped).toEqual([]);
    const c = cards[0]!;
    expect(c.id).toBe('tau2:airline:900');
    expect(c.lang).toBe('en');
    expect(c.goal).toBe('I want to cancel reservation ZZ12AB.');
    expect(c.persona).toMatchObject({ temperament: 'angry', name: 'Ada Lane' });
    expect(c.knownFacts.map((f) => f.key)).toEqual(['name', 'user_id', 'reservation_id']);
    expect(c.hiddenFacts).toContainEqual(
      expect.objectContaining({
        text: 'my friend got a refund.',
        revealWhen: expect.arrayContaining(['cannot']),
      }),
    );
    expect(c.success.outcome.kind).toBe('decline');
    expect(c.success.stepsCovered).toEqual([
      'greet',
      'verify-identity',
      'review-reservation',
      'confirm-resolution',
    ]);
    expect(c.mustNotAccept[0]!.keywords).toContain("i'll cancel");
  });

  it('maps write actions and communicate_info to confirmation and a numeric disclosure', () => {
    const c = importTau2('retail', [retail]).cards[0]!;
    expect(c.persona.temperament).toBe('talkative');
    expect(c.success.stepsCovered).toEqual([
      'greet',
      'verify-identity',
      'review-order',
      'communicate-info',
      'confirm-action',
      'confirm-resolution',
    ]);
    expect(c.factCues.find((f) => f.key === 'requested_info')!.cues).toEqual([
      ['1628.5', '1,628.5', '1,628.50'],
    ]);
    expect(c.kbFacts).toEqual(['$1628.5']);
    expect(c.knownFacts.find((f) => f.key === 'email')!.text).toBe('I do not remember my email address.');
    expect(c.success.outcome.cues[0]).toEqual(['return']);
  });

  it('maps telecom fixes to the instructions the trainee must give', () => {
    const c = importTau2('telecom', [telecom]).cards[0]!;
    expect(c.id).toBe(tau2CardId('telecom', telecom.id));
    expect(c.id).toBe('tau2:telecom:service_issue.airplane_mode_on.persona-hard');
    expect(c.persona.temperament).toBe('anxious');
    expect(c.factCues.find((f) => f.key === 'fix_steps')!.cues.map((g) => g[0])).toEqual([
      'airplane mode',
      'restart',
    ]);
  });

  it('turns the instructions into the customer’s first person', () => {
    expect(
      toFirstPerson('You want to tell the agent that your order is late. If they help you, thank them.'),
    ).toBe('I want to tell the agent that my order is late. If they help me, thank them.');
  });
});
