import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DEMO_ARTICLES, DEMO_POLICY } from './demo-knowledge.ts';
import { DEMO_SKILLS } from './demo-skills.ts';
import { DEMO_SOPS } from './demo-sops.ts';

const REQUIRED_SOP_KEYS = [
  'refund',
  'return',
  'exchange',
  'logistics-delay',
  'lost-parcel',
  'address-change',
  'invoice',
  'account-locked',
  'payment-failed',
  'coupon',
  'complaint-escalation',
  'membership',
];
const PII_TYPES = new Set(['PERSON', 'PHONE', 'EMAIL', 'CN_ID', 'BANK_CARD', 'ADDRESS', 'PASSPORT']);
const HAN = /\p{Script=Han}/u;
const KEBAB = /^[a-z]+(-[a-z]+)*$/;
const SNAKE = /^[a-z]+(_[a-z]+)*$/;

const sopKeys = new Set(DEMO_SOPS.map((s) => s.key));
const zhArticles = DEMO_ARTICLES.filter((a) => a.lang === 'zh');
const enArticles = DEMO_ARTICLES.filter((a) => a.lang === 'en');
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Clock times (08:00) are not facts and ¥3,000 states the number 3000. */
const plain = (text: string) => text.replace(/\d{1,2}:\d{2}/g, ' ').replace(/(\d),(?=\d{3}\b)/g, '$1');

/** Every number a text states. */
const numbersIn = (text: string): number[] => (plain(text).match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

function policyNumbers(value: unknown, out = new Set<number>()): Set<number> {
  if (typeof value === 'number') out.add(value);
  else if (Array.isArray(value)) for (const v of value) policyNumbers(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) policyNumbers(v, out);
  return out;
}

/** `text` states the number `fact` as a whole number (7 does not match 72 or 1.7). */
const states = (text: string, fact: string) =>
  new RegExp(`(?<![\\d.])${fact}(?![\\d]|\\.\\d)`).test(plain(text));

const P = DEMO_POLICY;
/** Headline facts each SOP's scripts and its articles must both state, in both languages. */
const KEY_FACTS: Record<string, string[]> = {
  refund: [
    `${P.refunds.debitCardBusinessDays[0]}-${P.refunds.debitCardBusinessDays[1]}`,
    `${P.refunds.creditCardMaxBusinessDays}`,
  ],
  return: [`${P.returns.noReasonDays}`, `${P.returns.inspectionBusinessDays}`],
  exchange: [`${P.exchange.qualityDays}`, `${P.exchange.replacementShipsWithinHours}`],
  'logistics-delay': [
    `${P.shipping.dispatchWithinHours}`,
    `${P.delay.traceAfterNoUpdateHours}`,
    `${P.delay.compensationCouponYuan}`,
  ],
  'lost-parcel': [`${P.lostParcel.investigationBusinessDays}`],
  invoice: [
    `${P.invoice.eInvoiceWithinHours}`,
    `${P.invoice.vatSpecialBusinessDays}`,
    `${P.invoice.taxIdLength}`,
  ],
  'account-locked': [
    `${P.account.maxWrongPasswords}`,
    `${P.account.lockMinutes}`,
    `${P.account.appealBusinessDays}`,
  ],
  'payment-failed': [`${P.payment.unpaidOrderMinutes}`, `${P.payment.chargeCheckHours}`],
  'complaint-escalation': [
    `${P.complaints.specialistContactHours}`,
    `${P.complaints.frontlineGoodwillMaxYuan}`,
  ],
  membership: [
    `${P.membership.goldFromYuan}`,
    `${P.membership.pointsPerYuanOff}`,
    `${P.membership.goldMultiplier}`,
  ],
};

describe('demo SOPs', () => {
  it('has at least 12 SOPs with unique keys, covering every required intent', () => {
    expect(DEMO_SOPS.length).toBeGreaterThanOrEqual(12);
    expect(sopKeys.size).toBe(DEMO_SOPS.length);
    for (const key of REQUIRED_SOP_KEYS) expect(sopKeys, key).toContain(key);
  });

  it('maps every SOP to an existing skill with a minimum level of 1–4', () => {
    const skills = new Set(DEMO_SKILLS.map((s) => s.key));
    for (const sop of DEMO_SOPS) {
      expect(skills, sop.key).toContain(sop.skillKey);
      expect(sop.minLevel, sop.key).toBeGreaterThanOrEqual(1);
      expect(sop.minLevel, sop.key).toBeLessThanOrEqual(4);
    }
  });

  it('gives every SOP 3–6 steps with unique kebab-case keys and scripts in both languages', () => {
    for (const sop of DEMO_SOPS) {
      expect(sop.steps.length, sop.key).toBeGreaterThanOrEqual(3);
      expect(sop.steps.length, sop.key).toBeLessThanOrEqual(6);
      const keys = sop.steps.map((s) => s.key);
      expect(new Set(keys).size, `${sop.key} step keys`).toBe(keys.length);
      for (const step of sop.steps) {
        const where = `${sop.key}/${step.key}`;
        expect(step.key, where).toMatch(KEBAB);
        for (const text of [step.titleZh, step.titleEn, step.scriptZh, step.scriptEn]) {
          expect(text.trim().length, where).toBeGreaterThan(0);
        }
        for (const fact of [...step.mustVerify, ...step.mustDisclose]) expect(fact, where).toMatch(SNAKE);
      }
    }
  });

  it('lists only allowed PII types, and the address-change confirmation may reveal the address', () => {
    for (const sop of DEMO_SOPS) {
      for (const step of sop.steps) {
        for (const type of step.piiTypes) expect(PII_TYPES, `${sop.key}/${step.key}`).toContain(type);
      }
    }
    const confirm = DEMO_SOPS.find((s) => s.key === 'address-change')?.steps.find(
      (s) => s.key === 'confirm-new-address',
    );
    expect(confirm?.piiTypes).toEqual(expect.arrayContaining(['ADDRESS', 'PHONE', 'PERSON']));
  });

  it('has at least 8 phrasings per language per SOP and no phrasing twice anywhere', () => {
    const seen = new Map<string, string>();
    for (const sop of DEMO_SOPS) {
      expect(sop.phrasings.zh.length, `${sop.key} zh`).toBeGreaterThanOrEqual(8);
      expect(sop.phrasings.en.length, `${sop.key} en`).toBeGreaterThanOrEqual(8);
      for (const p of [...sop.phrasings.zh, ...sop.phrasings.en]) {
        const k = norm(p);
        // A phrasing under two SOPs would be a contradictory label for the intent classifier.
        expect(seen.get(k), `"${p}" in ${sop.key}`).toBeUndefined();
        seen.set(k, sop.key);
      }
    }
  });

  it('writes Chinese with Han characters and English without any', () => {
    for (const sop of DEMO_SOPS) {
      const zh = [
        sop.nameZh,
        sop.resolutionZh,
        ...sop.phrasings.zh,
        ...sop.steps.flatMap((s) => [s.titleZh, s.scriptZh]),
      ];
      const en = [
        sop.nameEn,
        sop.resolutionEn,
        ...sop.phrasings.en,
        ...sop.steps.flatMap((s) => [s.titleEn, s.scriptEn]),
      ];
      for (const text of zh) expect(text, sop.key).toMatch(HAN);
      for (const text of en) expect(text, sop.key).not.toMatch(HAN);
    }
  });
});

describe('demo knowledge', () => {
  it('has at least 50 articles, at least 25 in each language', () => {
    expect(DEMO_ARTICLES.length).toBeGreaterThanOrEqual(50);
    expect(zhArticles.length).toBeGreaterThanOrEqual(25);
    expect(enArticles.length).toBeGreaterThanOrEqual(25);
  });

  it('links articles only to existing SOPs, backs every SOP in both languages and has general articles too', () => {
    for (const a of DEMO_ARTICLES) if (a.sopKey) expect(sopKeys, a.title).toContain(a.sopKey);
    for (const key of sopKeys) {
      expect(
        zhArticles.some((a) => a.sopKey === key),
        `${key} zh`,
      ).toBe(true);
      expect(
        enArticles.some((a) => a.sopKey === key),
        `${key} en`,
      ).toBe(true);
    }
    expect(zhArticles.filter((a) => !a.sopKey).length).toBeGreaterThanOrEqual(3);
    expect(enArticles.filter((a) => !a.sopKey).length).toBeGreaterThanOrEqual(3);
  });

  it('has unique titles, tags, and bodies of 2–6 sentences', () => {
    const titles = DEMO_ARTICLES.map((a) => a.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const a of DEMO_ARTICLES) {
      expect(a.tags.length, a.title).toBeGreaterThan(0);
      const sentences = a.body.split(a.lang === 'zh' ? /[。！？]/ : /[.!?](?=\s|$)/).filter((s) => s.trim());
      expect(sentences.length, a.title).toBeGreaterThanOrEqual(2);
      expect(sentences.length, a.title).toBeLessThanOrEqual(6);
    }
  });

  it('writes Chinese articles with Han characters and English ones without any', () => {
    for (const a of zhArticles)
      for (const text of [a.title, a.body, ...a.tags]) expect(text, a.title).toMatch(HAN);
    for (const a of enArticles) {
      for (const text of [a.title, a.body, ...a.tags]) expect(text, a.title).not.toMatch(HAN);
    }
  });
});

describe('one policy everywhere', () => {
  const allowed = policyNumbers(DEMO_POLICY);

  it('states no number in a script or article that DEMO_POLICY does not define', () => {
    const texts = [
      ...DEMO_ARTICLES.map((a) => ({ where: a.title, text: `${a.title} ${a.body}` })),
      ...DEMO_SOPS.flatMap((sop) =>
        sop.steps.flatMap((s) => [
          { where: `${sop.key}/${s.key} zh`, text: s.scriptZh },
          { where: `${sop.key}/${s.key} en`, text: s.scriptEn },
        ]),
      ),
    ];
    for (const { where, text } of texts) {
      for (const n of numbersIn(text)) expect(allowed, `${n} in ${where}`).toContain(n);
    }
  });

  it.each(Object.entries(KEY_FACTS))(
    '%s: scripts and articles state the same headline facts in both languages',
    (key, facts) => {
      const sop = DEMO_SOPS.find((s) => s.key === key);
      expect(sop).toBeDefined();
      const scriptsZh = sop!.steps.map((s) => s.scriptZh).join('\n');
      const scriptsEn = sop!.steps.map((s) => s.scriptEn).join('\n');
      const bodies = (lang: 'zh' | 'en') =>
        DEMO_ARTICLES.filter((a) => a.lang === lang && a.sopKey === key)
          .map((a) => a.body)
          .join('\n');
      for (const fact of facts) {
        expect(states(scriptsZh, fact), `${fact} in zh scripts`).toBe(true);
        expect(states(scriptsEn, fact), `${fact} in en scripts`).toBe(true);
        expect(states(bodies('zh'), fact), `${fact} in zh articles`).toBe(true);
        expect(states(bodies('en'), fact), `${fact} in en articles`).toBe(true);
      }
    },
  );
});

describe('seeded into a real database', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin@demo.test');
  });
  afterAll(() => t.close());

  it('GET /api/v1/sops lists every demo SOP for an admin', async () => {
    const res = await t.call('GET', '/api/v1/sops', { token: admin });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { key: string; skillKey: string }[] };
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(items.map((i) => i.key)).toEqual(expect.arrayContaining(REQUIRED_SOP_KEYS));
  });

  it('GET /api/v1/sops/refund returns the steps in order and the phrasings in both languages', async () => {
    const res = await t.call('GET', '/api/v1/sops/refund', { token: admin });
    expect(res.status).toBe(200);
    const sop = (await res.json()) as {
      key: string;
      steps: { position: number; key: string; scriptZh: string; mustDisclose: string[] }[];
      phrasings: { lang: 'zh' | 'en'; text: string }[];
    };
    const authored = DEMO_SOPS.find((s) => s.key === 'refund')!;
    expect(sop.key).toBe('refund');
    expect(sop.steps.map((s) => s.position)).toEqual(authored.steps.map((_, i) => i + 1));
    expect(sop.steps.map((s) => s.key)).toEqual(authored.steps.map((s) => s.key));
    expect(sop.steps.find((s) => s.key === 'disclose-refund-time')?.mustDisclose).toContain('refund_time');
    const zh = sop.phrasings.filter((p) => p.lang === 'zh').map((p) => p.text);
    const en = sop.phrasings.filter((p) => p.lang === 'en').map((p) => p.text);
    expect(zh.sort()).toEqual([...authored.phrasings.zh].sort());
    expect(en.sort()).toEqual([...authored.phrasings.en].sort());
  });

  it('GET /api/v1/knowledge returns the articles of both languages, linked to their SOPs', async () => {
    const zh = await t.call('GET', '/api/v1/knowledge?lang=zh&limit=500', { token: admin });
    const en = await t.call('GET', '/api/v1/knowledge?lang=en&limit=500', { token: admin });
    const zhItems = ((await zh.json()) as { items: { sopId: string | null }[] }).items;
    const enItems = ((await en.json()) as { items: { sopId: string | null }[] }).items;
    expect(zhItems.length).toBe(zhArticles.length);
    expect(enItems.length).toBe(enArticles.length);
    expect(zhItems.filter((a) => a.sopId).length).toBe(zhArticles.filter((a) => a.sopKey).length);
  });
});
