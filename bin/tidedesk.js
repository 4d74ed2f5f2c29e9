#!/usr/bin/env node
// The `tidedesk` command. TypeScript sources run directly through tsx so a fresh
// clone needs no build step between `npm install` and `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
