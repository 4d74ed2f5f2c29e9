/** @module `tidedesk serve`: start the whole product on the embedded default and say where to go. */
import { loadEnv } from '#src/config/env.ts';
import { DEMO_ACCOUNTS } from '#src/db/seed/tenants.ts';
import { startNodeServer } from '#src/runtime/node.ts';
import type { Output } from '../output.ts';

export async function serveCommand(out: Output): Promise<void> {
  const started = performance.now();
  const env = loadEnv();
  const server = await startNodeServer(env);
  const { masterKey, seeded } = server.booted;
  const ms = Math.round(performance.now() - started);
  out.say('');
  out.say(`  Tidedesk is running at ${server.url}   (ready in ${ms} ms)`);
  out.say('');
  out.say(`  Customer widget   ${server.url}/widget?tenant=demo`);
  out.say(`  Agent workspace   ${server.url}/agent`);
  out.say(`  Supervisor        ${server.url}/supervisor`);
  out.say(`  Admin             ${server.url}/admin`);
  out.say(`  API reference     ${server.url}/docs   (OpenAPI 3.1: ${server.url}/openapi.json)`);
  out.say('');
  out.say(`  Demo accounts (password "${env.TIDEDESK_DEMO_PASSWORD}"):`);
  for (const a of DEMO_ACCOUNTS) out.say(`    ${a}`);
  out.say('');
  out.say(`  Database: ${env.DATABASE_URL}${seeded ? '  (seeded the demo tenants on first start)' : ''}`);
  if (masterKey.source === 'generated') {
    out.say(
      `  Generated a master key at ${masterKey.path} — back it up; set TIDEDESK_MASTER_KEY in production.`,
    );
  }
  out.say('  Stop with Ctrl+C.');
  out.result({ url: server.url, port: server.port, readyMs: ms, seeded });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
