/** @module The whole drizzle schema, one file per aggregate. */
export * from './compliance.ts';
export * from './conversations.ts';
export * from './copilot.ts';
export * from './dispatch.ts';
export * from './interviews.ts';
export * from './knowledge.ts';
export * from './pii.ts';
export * from './qa.ts';
export * from './security.ts';
export * from './skills.ts';
export * from './sops.ts';
export * from './tenants.ts';
export * from './training.ts';
export * from './users.ts';
