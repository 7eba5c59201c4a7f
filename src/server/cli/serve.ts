// `portico serve`: migrate, optionally seed demo data, listen, and shut down cleanly on a signal.
import { buildApp } from '../app.ts';
import type { TConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedDemoData } from '../features/demo/demo.service.ts';
import { scheduleLifecycle } from '../features/lifecycle/lifecycle.scheduler.ts';
import { systemClock } from '../platform/clock.ts';
import { createOutboxSender } from '../platform/outbox/index.ts';
import { printDemoLogins } from './demo-logins.ts';

export async function serve(config: TConfig, demo: boolean): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let app;
  let outbox;
  try {
    outbox = createOutboxSender({ config, db: database.db, clock: systemClock }); // ConfigError: production without SMTP_URL
    await migrateDatabase(database);
    if (demo && (await seedDemoData({ db: database.db, clock: systemClock }))) printDemoLogins();
    app = await buildApp({ config, database, outbox });
  } catch (error) {
    await database.close();
    throw error;
  }
  const server = app;
  let closing = false;
  let stopLifecycle = () => {};
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    stopLifecycle();
    // Stop taking connections, let in-flight requests finish, then (onClose) stop the outbox sender
    // after its batch in flight, then close the database.
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  await server.listen({ port: config.port, host: config.host });
  outbox.start();
  stopLifecycle = scheduleLifecycle({ db: database.db, clock: systemClock, publicUrl: config.publicUrl, log: server.log.child({ component: 'lifecycle' }) });
  console.log(`Portico is serving ${config.publicUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  console.log(
    outbox.transportName === 'smtp' ? 'E-mail goes out through SMTP_URL.' : `No SMTP_URL: e-mail is kept in the dev mailbox at ${config.publicUrl}/dev/mail`,
  );
  if (demo) console.log('Demo logins are listed in README.md (section "Demo logins").');
  return new Promise<number>(() => {}); // runs until a signal
}
