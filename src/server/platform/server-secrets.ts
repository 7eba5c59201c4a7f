// Keys the server makes for itself: 32 random bytes per name, stored in `server_secrets` on first
// use, so every instance of one installation (PGlite or PostgreSQL) uses the same key with no
// configuration, and a restored backup keeps its keys. Read once per database per process.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { serverSecrets } from '../db/schema/index.ts';

export type TServerSecretName = 'temporary-password-hmac';

const cache = new WeakMap<TDb, Map<TServerSecretName, Promise<Buffer>>>();

/** The key named `name`, made now if this installation has none yet (the first writer wins). */
export function serverSecret(db: TDb, name: TServerSecretName): Promise<Buffer> {
  let keys = cache.get(db);
  if (!keys) cache.set(db, (keys = new Map<TServerSecretName, Promise<Buffer>>()));
  const known = keys.get(name);
  if (known) return known;
  const loading = loadOrCreate(db, name);
  keys.set(name, loading);
  // A failed read (the database unreachable) is tried again by the next caller.
  loading.catch(() => keys.delete(name));
  return loading;
}

async function loadOrCreate(db: TDb, name: TServerSecretName): Promise<Buffer> {
  await db
    .insert(serverSecrets)
    .values({ name, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: serverSecrets.name });
  const [row] = await db.select({ secret: serverSecrets.secret }).from(serverSecrets).where(eq(serverSecrets.name, name));
  if (!row) throw new Error(`server secret ${name} is missing`);
  return Buffer.from(row.secret, 'base64url');
}
