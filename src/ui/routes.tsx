/** @module Server-rendered pages (placeholder router; pages are added in src/ui/pages). */
import { Hono } from 'hono';
import type { AppEnv } from '#src/http/env.ts';

export const uiRoutes = new Hono<AppEnv>();
