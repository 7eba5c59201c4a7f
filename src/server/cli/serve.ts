// `portico serve`: migrate, optionally seed demo data, listen, and shut down cleanly on a signal.
import { buildApp } from '../app.ts';
import type { TConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedDemoData } from '../features/demo/demo.service.ts';
import { scheduleLifecycle } from '../features/lifecycle/lifecycle.scheduler.ts';
import { scheduleUploadSweep } from '../features/uploads/uploads.scheduler.ts';
import { systemClock } from '../platform/clock.ts';
import { fileStoreFromConfig } from '../platform/file-store/index.ts';
import { createOutboxSender } from '../platform/outbox/index.ts';
import { secretBoxFromConfig, warnIfDevelopmentKey } from '../platform/secret-box.ts';
import { printDemoLogins } from './demo-logins.ts';

export async function serve(config: TConfig, demo: boolean): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let app;
  let outbox;
  const fileStore = fileStoreFromConfig(config);
  const secretBox = secretBoxFromConfig(config);
  let keyId: string;
  try {
    outbox = createOutboxSender({ config, db: database.db, clock: systemClock }); // ConfigError: production without SMTP_URL
    await migrateDatabase(database);
    if (
      demo &&
      (await seedDemoData({ db: database.db, clock: systemClock, bulk: database.withBulkConnection, fileStore, secretBox, publicUrl: config.publicUrl }))
    )
      printDemoLogins();
    // The key is read (or, outside production, made) now: a bad key file stops the start, not a request.
    keyId = secretBox.keyId;
    app = await buildApp({ config, database, outbox, fileStore, secretBox });
    warnIfDevelopmentKey(config, app.log);
  } catch (error) {
    await database.close();
    throw error;
  }
  const server = app;
  let closing = false;
  let stopLifecycle = () => {};
  let stopUploadSweep = () => {};
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    stopLifecycle();
    stopUploadSweep();
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
  stopUploadSweep = scheduleUploadSweep({ db: database.db, clock: systemClock, fileStore, secretBox, log: server.log.child({ component: 'uploads' }) });
  console.log(`Portico is serving ${config.publicUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  console.log(
    outbox.transportName === 'smtp' ? 'E-mail goes out through SMTP_URL.' : `No SMTP_URL: e-mail is kept in the dev mailbox at ${config.publicUrl}/dev/mail`,
  );
  console.log(
    config.encryptionKey
      ? `Secrets are sealed with PORTICO_ENCRYPTION_KEY (key id ${keyId}).`
      : `Secrets are sealed with the development key in ${config.dataDir}/encryption.key (key id ${keyId}); set PORTICO_ENCRYPTION_KEY in production.`,
  );
  console.log(config.s3 ? `Uploaded files are kept in the S3 bucket ${config.s3.bucket}.` : `Uploaded files are kept in ${config.dataDir}/files.`);
  if (demo) console.log('Demo logins are listed in README.md (section "Demo logins").');
  return new Promise<number>(() => {}); // runs until a signal
}
