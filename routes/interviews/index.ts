/** @module Interview API: the recruiter side and the candidate's token-based session. */
import { createRouter } from '#src/http/router.ts';
import { recruiterRoutes } from './recruiter.handlers.ts';
import { sessionRoutes } from './session.handlers.ts';

export const interviewRoutes = createRouter().route('/', recruiterRoutes).route('/', sessionRoutes);
