/** @module Shapes of the demo seed data (authored content, not derived from stored rows). */
import type { Role } from '#src/db/schema/users.ts';

export type Lang = 'zh' | 'en';

export interface SeedSkill {
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface SeedStep {
  key: string;
  titleZh: string;
  titleEn: string;
  scriptZh: string;
  scriptEn: string;
  mustVerify: string[];
  mustDisclose: string[];
  piiTypes: string[];
}

export interface SeedSop {
  key: string;
  skillKey: string;
  minLevel: number;
  nameZh: string;
  nameEn: string;
  resolutionZh: string;
  resolutionEn: string;
  steps: SeedStep[];
  phrasings: { zh: string[]; en: string[] };
}

export interface SeedArticle {
  lang: Lang;
  title: string;
  body: string;
  tags: string[];
  sopKey?: string;
}

export interface SeedCert {
  skillKey: string;
  level: number;
  /** Days from seeding until the certification expires; absent = no expiry. */
  expiresInDays?: number;
}

export interface SeedPerson {
  email: string;
  displayName: string;
  role: Role;
  locale: Lang;
  pool?: 'staff' | 'on-demand';
  maxConcurrent?: number;
  certs: SeedCert[];
}

export interface SeedTenant {
  slug: string;
  name: string;
  defaultLocale: Lang;
  skills: SeedSkill[];
  sops: SeedSop[];
  articles: SeedArticle[];
  people: SeedPerson[];
}
