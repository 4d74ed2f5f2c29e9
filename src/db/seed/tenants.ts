/**
 * @module The demo tenants: 演示商城 Demo Mall (the bilingual demo) and a second tenant,
 * Northwind Outfitters, whose data must never be visible from the first.
 */
import { DEMO_ARTICLES } from './demo-knowledge.ts';
import { DEMO_SKILLS } from './demo-skills.ts';
import { DEMO_SOPS } from './demo-sops.ts';
import type { SeedCert, SeedPerson, SeedTenant } from './types.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
const GIVEN = ['晓敏', '子涵', '浩然', '思雨', '俊杰', '雨桐', '志强', '欣怡', '宇轩', '梦瑶'];
const EN_NAMES = [
  'Alex Chen',
  'Maya Lin',
  'Sam Wong',
  'Priya Nair',
  'Leo Zhang',
  'Nora Liu',
  'Ivan Petrov',
  'Emma Hu',
  'Omar Ali',
  'Grace Ho',
];

/**
 * Agents get a primary skill and a chained secondary skill (Jordan–Graves chaining), levels
 * spread over 1–5, a few on-demand, a few with certifications about to expire.
 */
function demoAgents(): SeedPerson[] {
  const keys = DEMO_SKILLS.map((s) => s.key);
  return Array.from({ length: 20 }, (_, i) => {
    const primary = keys[i % keys.length]!;
    const secondary = keys[(i + 1) % keys.length]!;
    const certs: SeedCert[] = [
      { skillKey: primary, level: 1 + ((i * 3) % 5) },
      { skillKey: secondary, level: 1 + ((i * 2) % 4), ...(i % 6 === 5 ? { expiresInDays: 3 } : {}) },
    ];
    if (i % 5 === 0) certs.push({ skillKey: keys[(i + 3) % keys.length]!, level: 3 });
    const zh = i % 2 === 0;
    return {
      email: `agent${i + 1}@demo.test`,
      displayName: zh ? `${SURNAMES[i % 10]}${GIVEN[(i * 7) % 10]}` : EN_NAMES[i % 10]!,
      role: 'agent',
      locale: zh ? 'zh' : 'en',
      pool: i >= 16 ? 'on-demand' : 'staff',
      maxConcurrent: 2 + (i % 3),
      certs,
    };
  });
}

const demoPeople: SeedPerson[] = [
  { email: 'admin@demo.test', displayName: '管理员 Admin', role: 'admin', locale: 'zh', certs: [] },
  {
    email: 'supervisor@demo.test',
    displayName: '周主管 Supervisor Zhou',
    role: 'supervisor',
    locale: 'zh',
    certs: [],
  },
  {
    email: 'supervisor2@demo.test',
    displayName: 'Supervisor Kim',
    role: 'supervisor',
    locale: 'en',
    certs: [],
  },
  ...demoAgents(),
  { email: 'trainee1@demo.test', displayName: '新人 林小北', role: 'trainee', locale: 'zh', certs: [] },
  { email: 'trainee2@demo.test', displayName: 'Trainee Jordan', role: 'trainee', locale: 'en', certs: [] },
  { email: 'trainee3@demo.test', displayName: '新人 何一帆', role: 'trainee', locale: 'zh', certs: [] },
  { email: 'qa@demo.test', displayName: '质检 QA', role: 'qa', locale: 'zh', certs: [] },
  { email: 'recruiter@demo.test', displayName: 'Recruiter 招聘', role: 'recruiter', locale: 'en', certs: [] },
];

export const DEMO_TENANT: SeedTenant = {
  slug: 'demo',
  name: '演示商城 Demo Mall',
  defaultLocale: 'zh',
  skills: DEMO_SKILLS,
  sops: DEMO_SOPS,
  articles: DEMO_ARTICLES,
  people: demoPeople,
};

/** A second tenant with its own data: isolation tests sign in here and must see nothing of demo. */
export const OTHER_TENANT: SeedTenant = {
  slug: 'northwind',
  name: 'Northwind Outfitters',
  defaultLocale: 'en',
  skills: [{ key: 'outdoor.orders', nameZh: '户外订单', nameEn: 'Outdoor orders' }],
  sops: [
    {
      key: 'order-status',
      skillKey: 'outdoor.orders',
      minLevel: 1,
      nameZh: '订单状态查询',
      nameEn: 'Order status',
      resolutionZh: '告知订单状态',
      resolutionEn: 'Customer told the order status',
      steps: [
        {
          key: 'lookup',
          titleZh: '查询订单',
          titleEn: 'Look up the order',
          scriptZh: '请提供订单号，我来帮您查询。',
          scriptEn: 'Please give me your order number and I will look it up.',
          mustVerify: ['order_number'],
          mustDisclose: [],
          piiTypes: [],
        },
      ],
      phrasings: { zh: ['我的订单到哪了'], en: ['Where is my order', 'Order status please'] },
    },
  ],
  articles: [
    {
      lang: 'en',
      title: 'Northwind shipping times',
      body: 'Tents and packs ship within 2 days from our Oregon warehouse.',
      tags: ['shipping'],
    },
  ],
  people: [
    { email: 'admin@northwind.test', displayName: 'Northwind Admin', role: 'admin', locale: 'en', certs: [] },
    {
      email: 'agent1@northwind.test',
      displayName: 'Northwind Agent',
      role: 'agent',
      locale: 'en',
      certs: [{ skillKey: 'outdoor.orders', level: 3 }],
    },
  ],
};

export const DEMO_TENANTS: SeedTenant[] = [DEMO_TENANT, OTHER_TENANT];

/** Demo accounts printed on start (the password comes from config). */
export const DEMO_ACCOUNTS = [
  'admin@demo.test',
  'supervisor@demo.test',
  'agent1@demo.test … agent20@demo.test',
  'trainee1@demo.test',
  'qa@demo.test',
  'recruiter@demo.test',
];
