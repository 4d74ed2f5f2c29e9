/**
 * @module τ²-bench task → English scenario card, as a pure mapping (the files are read by
 * eval/simulator/loaders.ts; nothing from the dataset is stored in this repository).
 *
 * Mapping (τ²-bench, Copyright (c) 2025 Sierra Research, MIT):
 * - `reason_for_call` → `goal` (its first sentence, turned from "You want…" into "I want…"); its
 *   other sentences and the conditional sentences of `task_instructions` ("If the agent says it is
 *   not possible, mention…") → hidden facts, revealed when the trainee says the condition's words.
 * - `known_info` / `unknown_info` → known facts, answered when the trainee asks for them (user id,
 *   name, zip, e-mail, phone, reservation; "I don't remember my e-mail").
 * - `persona` + `task_instructions` → temperament (anxious > angry > confused > talkative > calm,
 *   by the words used) and `persona.style`.
 * - `evaluation_criteria` → success: identity verification always; the reservation/order step
 *   when the task touches one; explicit confirmation before any write action (both policies
 *   require a "yes"); `communicate_info` values as a required disclosure; the outcome is
 *   `escalate` when the gold actions transfer to a human, `decline` when an nl_assertion says the
 *   agent must refuse and no write action is expected, else `resolve` with the write actions' words.
 *   Negative nl_assertions ("Agent should not offer any compensation") → `mustNotAccept`.
 * - Telecom gold actions (toggle data, reseat SIM, reset APN…) → the instructions the trainee must
 *   give (`fix_steps`).
 * The three domain SOPs below are the simulator's reading of each policy's required steps.
 */
import { defineCard, type ScenarioCard, type ScenarioCardInput, type Temperament } from '../card.ts';
import { catalogue, type SimSop, type SopCatalogue } from '../sop.ts';

export const TAU2_DOMAINS = ['airline', 'retail', 'telecom'] as const;
export type Tau2Domain = (typeof TAU2_DOMAINS)[number];

/** The fields of a τ²-bench task this mapping reads (the rest is ignored). */
export interface Tau2Task {
  id: string;
  description?: { purpose?: string | null } | null;
  user_scenario: {
    persona?: string | null;
    instructions:
      | {
          domain?: string;
          reason_for_call?: string | null;
          known_info?: string | null;
          unknown_info?: string | null;
          task_instructions?: string | null;
        }
      | string;
  };
  evaluation_criteria?: {
    actions?: { name: string; arguments?: Record<string, unknown> }[] | null;
    communicate_info?: string[] | null;
    nl_assertions?: string[] | null;
  } | null;
}

const step = (key: string, en: string, v: string[] = [], d: string[] = []) => ({
  key,
  title: { zh: en, en },
  mustVerify: v,
  mustDisclose: d,
});

/** The simulator's SOP per τ² domain. */
export const TAU2_SOPS: readonly SimSop[] = [
  {
    key: 'tau2.airline',
    skill: 'tau2.airline',
    name: { zh: 'τ² 航空客服', en: 'τ² airline support' },
    steps: [
      step('greet', 'Greet'),
      step('verify-identity', 'Verify the user id', ['user_id']),
      step('review-reservation', 'Identify the reservation', ['reservation_id']),
      step('communicate-info', 'Tell the customer what they asked', [], ['requested_info']),
      step('confirm-action', 'Get an explicit yes before changing the booking', ['explicit_confirmation']),
      step('confirm-resolution', 'Confirm the resolution'),
    ],
  },
  {
    key: 'tau2.retail',
    skill: 'tau2.retail',
    name: { zh: 'τ² 零售客服', en: 'τ² retail support' },
    steps: [
      step('greet', 'Greet'),
      step('verify-identity', 'Authenticate by e-mail or name and zip', ['user_identity']),
      step('review-order', 'Identify the order', ['order_id']),
      step('communicate-info', 'Tell the customer what they asked', [], ['requested_info']),
      step('confirm-action', 'Get an explicit yes before changing the order', ['explicit_confirmation']),
      step('confirm-resolution', 'Confirm the resolution'),
    ],
  },
  {
    key: 'tau2.telecom',
    skill: 'tau2.telecom',
    name: { zh: 'τ² 电信技术支持', en: 'τ² telecom support' },
    steps: [
      step('greet', 'Greet'),
      step('verify-identity', 'Identify the line by phone number', ['phone_number']),
      step('troubleshoot', 'Walk the customer through the fix', [], ['fix_steps']),
      step('confirm-resolution', 'Confirm the resolution'),
    ],
  },
];

export const TAU2_SOP_CATALOGUE: SopCatalogue = catalogue(TAU2_SOPS);

const ASK = {
  user_id: ['user id', 'user name', 'username', 'account id'],
  user_identity: ['email', 'e-mail', 'zip', 'postal code', 'full name', 'your name'],
  phone_number: ['phone number', 'the number on the account', 'mobile number', 'line number'],
  reservation_id: [
    'reservation id',
    'reservation number',
    'confirmation number',
    'confirmation code',
    'booking reference',
    'which reservation',
  ],
  order_id: ['order id', 'order number', 'which order', 'order #'],
  explicit_confirmation: [
    'shall i proceed',
    'would you like me to proceed',
    'do you want me to proceed',
    'can i go ahead',
    'do you confirm',
    'please confirm',
    'confirm that you',
    'reply yes',
    'yes to proceed',
  ],
};

/** Refusal words of an English agent. */
export const REFUSE_EN = [
  'unable',
  'cannot',
  "can't",
  'not able',
  'not eligible',
  'not possible',
  "isn't possible",
  'not allowed',
  "isn't allowed",
  'against our policy',
  "won't be able",
];
const DONE_EN = [
  'done',
  'processed',
  'completed',
  'has been',
  "i've",
  'i have',
  'submitted',
  'is now',
  'confirmed',
  'all set',
];

const WRITE_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  cancel_reservation: ['cancel'],
  book_reservation: ['book'],
  update_reservation_flights: ['flight', 'change', 'updated', 'upgrade'],
  update_reservation_baggages: ['bag'],
  update_reservation_passengers: ['passenger'],
  exchange_delivered_order_items: ['exchange'],
  return_delivered_order_items: ['return'],
  cancel_pending_order: ['cancel'],
  modify_pending_order_items: ['modify', 'change', 'swap', 'updated'],
  modify_pending_order_address: ['address'],
  modify_user_address: ['address'],
  modify_pending_order_payment: ['payment'],
};

const TELECOM_FIX: Readonly<Record<string, readonly string[]>> = {
  toggle_data: ['mobile data', 'cellular data', 'turn on data', 'data on'],
  enable_roaming: ['roaming'],
  toggle_roaming: ['roaming'],
  toggle_airplane_mode: ['airplane mode', 'flight mode', 'aeroplane mode'],
  reseat_sim_card: ['sim'],
  reset_apn_settings: ['apn'],
  reboot_device: ['restart', 'reboot', 'turn it off and on'],
  send_payment_request: ['payment', 'pay the bill', 'overdue', 'bill'],
  make_payment: ['payment', 'pay the bill', 'bill'],
  resume_line: ['payment', 'resume', 'reactivate'],
  set_network_mode_preference: ['network mode', 'network preference', '4g', '5g', 'lte'],
  toggle_wifi_calling: ['wi-fi calling', 'wifi calling'],
  grant_app_permission: ['permission'],
  toggle_vpn: ['vpn'],
  disconnect_vpn: ['vpn'],
  toggle_data_saver_mode: ['data saver'],
};

// Negative assertion topic → the agent's affirmative commitments that break it.
const FORBIDDEN: { topic: RegExp; phrases: string[] }[] = [
  {
    topic: /cancel/i,
    phrases: [
      'cancelled your',
      'cancel it for you',
      "i'll cancel",
      'i will cancel',
      'i have cancelled',
      "i've cancelled",
      'i can cancel',
      'cancellation is confirmed',
      'proceed with the cancellation',
    ],
  },
  {
    topic: /refund/i,
    phrases: [
      'refund you',
      'issue a refund',
      "you'll get a refund",
      'you will get a refund',
      'full refund',
      'i can refund',
    ],
  },
  {
    topic: /compensat|certificate|voucher/i,
    phrases: [
      'offer you a certificate',
      'issue a certificate',
      "i'll issue",
      'certificate of',
      'compensate you',
      'offer you compensation',
      'send you a voucher',
    ],
  },
  {
    topic: /change|modif|upgrade|changes/i,
    phrases: [
      "i've changed",
      'i have changed',
      "i'll change",
      'i can change',
      'i have updated',
      "i've updated",
      'i will update',
      'upgrade you',
      'i can upgrade',
    ],
  },
  {
    topic: /remove passenger|number of passengers/i,
    phrases: ['remove the passenger', 'removed the passenger', 'remove sophia'],
  },
  {
    topic: /only some|one leg|some of the flights/i,
    phrases: [
      'only one leg',
      'just that leg',
      'only the outbound',
      'only the return flight',
      'for one of the flights',
    ],
  },
];
const NEGATIVE =
  /\b(should not|does not|doesn't|not (?:approve|cancel|offer|make|change|modify|allow|issue|remove)|refuse|no changes)\b/i;

const BEHAVIOUR =
  /^(?:follow|express|be\b|accept|insist|don't|do not|only go|go ahead|end the call|you (?:will|would|are|might))/i;

const STOP = new Set(
  `about after again agent agent's along already also although always another anything around asked asking because before being between cannot could doesn't during either every first found going having however instead mention might other really right should since something still their there these thing think those though through until wants which while would yours yourself you're you'll you'd don't working order orders number flight flights reservation change return cancel exchange items things today phone internet issue problem please thanks`.split(
    ' ',
  ),
);

/** "You want…" → "I want…" (good enough for the scripted customer). */
export function toFirstPerson(text: string): string {
  return text
    .replace(/\bYou are\b/g, 'I am')
    .replace(/\byou are\b/g, 'I am')
    .replace(/\bYou (?=mobile|phone|internet|data)/g, 'My ')
    .replace(/\bYou were\b/g, 'I was')
    .replace(/\byou were\b/g, 'I was')
    .replace(/\bYou're\b/g, "I'm")
    .replace(/\byou're\b/g, "I'm")
    .replace(/\bYourself\b/g, 'Myself')
    .replace(/\byourself\b/g, 'myself')
    .replace(/\bYour\b/g, 'My')
    .replace(/\byour\b/g, 'my')
    .replace(
      /\b(to|tell|tells|told|give|gives|for|with|ask|asks|help|helps|let|call|send|sends) you\b/g,
      '$1 me',
    )
    .replace(/\bYou\b/g, 'I')
    .replace(/\byou\b/g, 'I')
    .replace(/\s+/g, ' ')
    .trim();
}

function sentences(text: string | null | undefined): string[] {
  // Single line breaks sit inside sentences in the task texts; blank lines end paragraphs.
  return (text ?? '')
    .replace(/\n(?!\n)/g, ' ')
    .split(/(?<=[.!?])\s+|\n{2,}/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1 && s !== '.');
}

/** Up to four salient words of a sentence, as reveal triggers. */
function salient(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z][a-z'-]{4,}/g) ?? [];
  return [...new Set(words.filter((w) => !STOP.has(w)))].slice(0, 4);
}

function clip(text: string, max = 1000): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function temperamentOf(text: string): Temperament {
  // "express mild frustration after the first failed attempt" is a script note, not a temper.
  const t = text.toLowerCase().replace(/mild frustration/g, '');
  if (/anxious|uneasy|nervous|worr|flustered|stressed|reassurance|distraught/.test(t)) return 'anxious';
  if (/angry|frustrat|upset|furious|annoyed|impatient|rude|insist|persistent|swear/.test(t)) return 'angry';
  if (/confus|technical knowledge is quite limited|overwhelmed|memory is not too good|absent minded/.test(t))
    return 'confused';
  if (/talkative|chatty|lonely|talk to the agent for a while|detail-oriented|funny guy|outgoing/.test(t))
    return 'talkative';
  return 'calm';
}

interface KnownInput {
  key: string;
  text: string;
  triggers: string[];
}

function knownFacts(
  domain: Tau2Domain,
  known: string | null | undefined,
  unknown: string | null | undefined,
  orderIds: string[],
  reservationIds: string[],
): KnownInput[] {
  const out: KnownInput[] = [];
  const add = (key: string, text: string, triggers: string[]) => {
    if (!out.some((f) => f.key === key)) out.push({ key, text: clip(toFirstPerson(text), 400), triggers });
  };
  sentences(known).forEach((s, i) => {
    if (/user id/i.test(s) || /\b[a-z]+_[a-z]+_\d{4}\b/.test(s)) add('user_id', s, ASK.user_id);
    else if (/e-?mail|@/i.test(s)) add('email', s, ['email', 'e-mail']);
    else if (/phone number/i.test(s)) add('phone_number', s, ASK.phone_number);
    else if (/reservation|confirmation/i.test(s)) add('reservation_id', s, ASK.reservation_id);
    else if (/zip ?code|zipcode|\b\d{5}\b/i.test(s))
      add('name_zip', s, ['zip', 'postal code', 'full name', 'your name', 'where do you live']);
    else if (/\b(?:name is|you are|i am)\b/i.test(s))
      add('name', s, ['your name', 'full name', 'who am i speaking']);
    else if (/abroad|at home|currently/i.test(s))
      add('location', s, ['where are you', 'abroad', 'travel', 'location', 'country']);
    else add(`known_${i + 1}`, s, salient(s).length > 0 ? salient(s) : ['tell me more']);
  });
  // Retail authenticates by e-mail or name + zip: the identity question gets the name/zip answer.
  if (domain === 'retail') {
    const nz = out.find((f) => f.key === 'name_zip' || f.key === 'name');
    if (nz) nz.triggers = [...new Set([...nz.triggers, ...ASK.user_identity])];
  }
  sentences(unknown).forEach((s) => {
    const key = /e-?mail/i.test(s)
      ? 'email'
      : /reservation/i.test(s)
        ? 'reservation_id'
        : /order/i.test(s)
          ? 'order_id'
          : null;
    const triggers =
      key === 'email'
        ? ['email', 'e-mail']
        : key === 'reservation_id'
          ? ASK.reservation_id
          : key === 'order_id'
            ? ASK.order_id
            : salient(s);
    if (key && out.some((f) => f.key === key)) return;
    if (triggers.length > 0) add(key ?? 'unknown_info', s, triggers);
  });
  if (reservationIds.length > 0 && !out.some((f) => f.key === 'reservation_id')) {
    add('reservation_id', `It's ${reservationIds.join(' and ')}.`, ASK.reservation_id);
  }
  if (orderIds.length > 0 && !out.some((f) => f.key === 'order_id')) {
    add('order_id', `The order is ${orderIds.join(' and ')}.`, ASK.order_id);
  }
  return out;
}

function revealTriggers(condition: string): string[] {
  if (/not possible|cannot|can't|refuse|not allowed|not eligible|denies|won't/i.test(condition))
    return REFUSE_EN;
  if (/confirm/i.test(condition)) return ASK.explicit_confirmation;
  if (/fee|pay|charge/i.test(condition)) return ['fee', 'pay', 'charge', 'cost'];
  if (/transfer|human/i.test(condition)) return ['transfer', 'human agent'];
  const s = salient(condition.replace(/^if\b/i, ''));
  return s.length > 0 ? s : ['anything else'];
}

function hiddenFacts(
  reasonRest: string[],
  instructions: string[],
): { key: string; text: string; revealWhen: string[] }[] {
  const out: { key: string; text: string; revealWhen: string[] }[] = [];
  for (const s of [...reasonRest, ...instructions]) {
    if (/do not reveal|don't reveal|never make up|tool call|ground your/i.test(s)) continue;
    // The consequence starts at the first comma followed by what the customer does.
    const cond =
      /^(?:if|when|whenever|in case)\b(.+?),\s*(?:then\s+)?((?:you|mention|ask|say|tell|insist|accept|agree|don't|do not|only|be|express|follow|try|refuse|go)\b.+)$/i.exec(
        s,
      );
    if (cond) {
      // Behaviour notes ("follow their guidance", "be insistent") are how to act, not what to say.
      if (BEHAVIOUR.test(cond[2]!)) continue;
      const said = cond[2]!
        .replace(/^(?:mention|say|tell (?:the agent|them|it))\s+(?:that\s+)?/i, '')
        .replace(/^ask\b/i, "I'd like to ask");
      out.push({
        key: `hidden_${out.length + 1}`,
        text: clip(toFirstPerson(said), 600),
        revealWhen: revealTriggers(cond[1]!),
      });
    } else if (reasonRest.includes(s)) {
      const triggers = salient(s);
      if (triggers.length > 0)
        out.push({
          key: `hidden_${out.length + 1}`,
          text: clip(toFirstPerson(s), 600),
          revealWhen: triggers,
        });
    }
    if (out.length >= 8) break;
  }
  return out;
}

/** Variants of a communicated value the trainee may write ("1628" → "1,628", "$1628"). */
function valueVariants(value: string): string[] {
  const v = value.trim();
  const n = Number(v.replaceAll(',', ''));
  if (!Number.isFinite(n) || v === '') return [v];
  const [int, frac] = v.replaceAll(',', '').split('.');
  const grouped = Number(int).toLocaleString('en-US');
  const out = new Set([v, int + (frac ? `.${frac}` : ''), grouped + (frac ? `.${frac}` : '')]);
  if (frac && /^0+$/.test(frac)) out.add(grouped);
  if (frac && frac.length === 1) out.add(`${grouped}.${frac}0`);
  return [...out];
}

/** `tau2:<domain>:<task id>`, with telecom's "[issue]fault[PERSONA:Hard]" as "issue.fault.persona-hard". */
export function tau2CardId(domain: Tau2Domain, taskId: string): string {
  const id = taskId
    .toLowerCase()
    .replace(/\[persona:(\w+)\]/, '.persona-$1')
    .replace(/^\[([^\]]+)\]/, '$1.')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `tau2:${domain}:${id}`;
}

/** The English card for one τ² task (not yet validated). */
export function tau2CardInput(domain: Tau2Domain, task: Tau2Task): ScenarioCardInput {
  const ins = task.user_scenario.instructions;
  const instr = typeof ins === 'string' ? { reason_for_call: ins } : ins;
  const reason = sentences(instr.reason_for_call);
  const goalSentences = reason.filter((s) => !/^(?:if|when)\b/i.test(s)).slice(0, 1);
  const goal = toFirstPerson(goalSentences.join(' ') || reason[0] || 'I need some help with my account.');
  const rest = reason.filter((s) => !goalSentences.includes(s));
  const taskInstr = sentences(instr.task_instructions);
  const persona = task.user_scenario.persona ?? '';

  const crit = task.evaluation_criteria ?? {};
  const actions = (crit.actions ?? []).map((a) => a.name);
  const writes = actions.filter((a) => a in WRITE_ACTIONS);
  const assertions = crit.nl_assertions ?? [];
  const negatives = assertions.filter((a) => NEGATIVE.test(a));
  const comm = (crit.communicate_info ?? []).filter((v) => v.trim().length > 0);
  const orderIds = [...new Set((instr.reason_for_call ?? '').match(/#W\d+/g) ?? [])];
  // Airline confirmation codes: six capitals/digits with at least one digit and one letter.
  const reservationIds =
    domain === 'airline'
      ? [
          ...new Set(
            (instr.reason_for_call ?? '').match(/\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6}\b/g) ?? [],
          ),
        ]
      : [];
  const known = knownFacts(domain, instr.known_info, instr.unknown_info, orderIds, reservationIds);

  const escalate = actions.includes('transfer_to_human_agents');
  const decline = !escalate && writes.length === 0 && negatives.length > 0;
  const mustNotAccept = negatives.flatMap((a) =>
    FORBIDDEN.filter((f) => f.topic.test(a)).map((f) => ({
      kind: 'policy' as const,
      keywords: f.phrases,
      why: clip(a, 400),
    })),
  );

  const factCues: ScenarioCardInput['factCues'] = [];
  const steps = ['greet', 'verify-identity'];
  if (domain === 'airline') {
    factCues.push({ key: 'user_id', kind: 'verify', cues: [ASK.user_id] });
    factCues.push({ key: 'reservation_id', kind: 'verify', cues: [ASK.reservation_id] });
    if (
      /reservation|flight|trip|booking/i.test(instr.reason_for_call ?? '') ||
      actions.includes('get_reservation_details')
    ) {
      steps.push('review-reservation');
    }
  } else if (domain === 'retail') {
    factCues.push({ key: 'user_identity', kind: 'verify', cues: [ASK.user_identity] });
    factCues.push({ key: 'order_id', kind: 'verify', cues: [ASK.order_id] });
    if (actions.includes('get_order_details')) steps.push('review-order');
  } else {
    factCues.push({ key: 'phone_number', kind: 'verify', cues: [ASK.phone_number] });
  }
  const disclosures: string[] = [];
  if (comm.length > 0 && domain !== 'telecom') {
    factCues.push({
      key: 'requested_info',
      kind: 'disclose',
      cues: comm.map(valueVariants),
      reply: 'Thanks, that is what I needed to know.',
      customerAsk: 'Can you give me the exact figures?',
    });
    disclosures.push('requested_info');
    steps.push('communicate-info');
  }
  const fixGroups = [
    ...new Map(
      actions.filter((a) => a in TELECOM_FIX).map((a) => [TELECOM_FIX[a]!.join('|'), [...TELECOM_FIX[a]!]]),
    ).values(),
  ];
  if (domain === 'telecom' && fixGroups.length > 0) {
    factCues.push({
      key: 'fix_steps',
      kind: 'disclose',
      cues: fixGroups,
      reply: "Okay, I've done that — it seems to be working now.",
      customerAsk: 'What should I do on my phone?',
    });
    disclosures.push('fix_steps');
    steps.push('troubleshoot');
  }
  if (writes.length > 0 && domain !== 'telecom') {
    factCues.push({
      key: 'explicit_confirmation',
      kind: 'verify',
      cues: [ASK.explicit_confirmation],
      reply: 'Yes, please go ahead.',
    });
    steps.push('confirm-action');
  }
  steps.push('confirm-resolution');

  let outcome: ScenarioCardInput['success']['outcome'];
  if (escalate) {
    outcome = {
      kind: 'escalate',
      description: 'Transfers the customer to a human agent',
      cues: [['transfer', 'human agent', 'specialist', 'escalat', 'colleague']],
    };
  } else if (decline) {
    const topic = [
      ...new Set(
        negatives.flatMap(
          (a) =>
            a.toLowerCase().match(/cancel|refund|compensation|certificate|change|modify|upgrade|remove/g) ??
            [],
        ),
      ),
    ];
    outcome = {
      kind: 'decline',
      description: clip(negatives.join(' '), 1000),
      cues: topic.length > 0 ? [REFUSE_EN, topic] : [REFUSE_EN],
    };
  } else if (domain === 'telecom') {
    outcome = {
      kind: 'resolve',
      description: 'The line works again',
      cues: [['try again', 'test', 'check if', 'check whether', 'see if', 'working now', 'works now']],
    };
  } else if (writes.length > 0) {
    const words = [...new Set(writes.flatMap((w) => WRITE_ACTIONS[w]!))];
    outcome = {
      kind: 'resolve',
      description: clip(assertions.join(' ') || `Performs ${writes.join(', ')}`, 1000),
      cues: [words, DONE_EN],
    };
  } else if (comm.length > 0) {
    outcome = { kind: 'resolve', description: 'Answers the question', cues: [comm.flatMap(valueVariants)] };
  } else {
    outcome = {
      kind: 'resolve',
      description: 'Looks up and explains the account',
      cues: [['your order', 'your reservation', 'i found', 'i can see', 'according to']],
    };
  }

  const hidden = hiddenFacts(rest, taskInstr).filter((h) => !known.some((k) => k.key === h.key));
  const hard = /PERSONA:Hard/.test(task.id) ? 1 : 0;
  const difficulty = Math.max(
    1,
    Math.min(
      5,
      1 +
        (writes.length > 0 ? 1 : 0) +
        (assertions.length >= 2 ? 1 : 0) +
        (hidden.length >= 2 ? 1 : 0) +
        hard,
    ),
  );
  const style = clip(
    [persona.trim(), ...taskInstr.filter((s) => !/^(?:if|when)\b/i.test(s))].join(' ').trim(),
    300,
  );
  const name = /(?:I am|name is|You are)\s+([A-Z][a-z]+ [A-Z][a-z]+)/.exec(instr.known_info ?? '')?.[1];

  return {
    id: tau2CardId(domain, task.id),
    version: 1,
    title: clip(`τ² ${domain} ${task.id}: ${goal}`, 200),
    sop: `tau2.${domain}`,
    skill: `tau2.${domain}`,
    lang: 'en',
    persona: {
      temperament: temperamentOf(
        `${persona} ${instr.task_instructions ?? ''} ${instr.reason_for_call ?? ''}`,
      ),
      ...(name ? { name } : {}),
      ...(style ? { style } : {}),
    },
    goal: clip(goal),
    knownFacts: known,
    hiddenFacts: hidden,
    mustNotAccept: decline || mustNotAccept.length > 0 ? mustNotAccept : [],
    factCues,
    kbFacts: comm.filter((v) => /^\d[\d,]*(?:\.\d+)?$/.test(v)).map((v) => `$${v}`),
    success: { stepsCovered: steps, disclosures, reveal: [], outcome },
    difficulty,
    tags: ['tau2', domain],
  };
}

export interface Tau2Import {
  cards: ScenarioCard[];
  /** Tasks that could not become a valid card, with the reason. */
  skipped: { id: string; reason: string }[];
}

/** Map and validate the tasks of one domain. */
export function importTau2(domain: Tau2Domain, tasks: readonly Tau2Task[]): Tau2Import {
  const cards: ScenarioCard[] = [];
  const skipped: Tau2Import['skipped'] = [];
  for (const task of tasks) {
    try {
      cards.push(defineCard(tau2CardInput(domain, task), TAU2_SOP_CATALOGUE));
    } catch (err) {
      skipped.push({ id: String(task.id), reason: (err as Error).message });
    }
  }
  return { cards, skipped };
}
