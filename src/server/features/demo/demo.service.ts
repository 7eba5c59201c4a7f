import type { TDataDeps, TServiceDeps } from '../../platform/deps.ts';
import { Readable } from 'node:stream';
import type { TDatabase } from '../../db/client.ts';
import { importFeed } from '../feed/feed-import.service.ts';
import { createUser, hasAnyUsers } from '../user-admin/user-accounts.service.ts';
import { demoBookFeeds } from './demo-book.ts';
import { DEMO_LOGINS, DEMO_PRODUCERS_CSV } from './demo-data.ts';
import { seedDemoResources } from './demo-resources.service.ts';
import { seedDemoTickets, type TDemoUser } from './demo-tickets.service.ts';

/**
 * The book of business loads through the data feed (`bulk`). With the file store the demo also has
 * forms and training; with the secret box and the public address too, service-request tickets.
 */
export type TDemoDeps = TDataDeps & { bulk: TDatabase['withBulkConnection'] } & Partial<Pick<TServiceDeps, 'fileStore' | 'secretBox'>> & { publicUrl?: string };

const SEEDER = { label: 'portico seed --demo' };

/** Loads the demo data into an empty database; returns false (and changes nothing) otherwise. */
export async function seedDemoData(deps: TDemoDeps): Promise<boolean> {
  if (await hasAnyUsers(deps.db)) return false;
  for (const [kind, csv] of [['producers', DEMO_PRODUCERS_CSV] as const, ...demoBookFeeds(deps.clock.now())]) {
    const report = await importFeed(deps, { kind, csv: Readable.from([csv]), source: 'cli', actor: SEEDER });
    // The demo's own files: a refused row is a bug here, not bad input.
    if (report.failed > 0) throw new Error(`demo ${kind} refused: ${JSON.stringify(report.problems.slice(0, 3))}`);
  }
  const users = new Map<string, TDemoUser>();
  for (const login of DEMO_LOGINS) {
    const { id } = await createUser(deps, {
      portalId: login.portalId,
      username: login.username,
      password: login.password,
      role: login.role,
      producerAgentId: login.producer,
      groupAccountNumber: login.group,
      email: login.email,
      firstName: login.firstName,
      lastName: login.lastName,
      actor: SEEDER,
    });
    users.set(login.username, { id, username: login.username, role: login.role, agentUniqueId: login.producer });
  }
  const { fileStore, secretBox, publicUrl } = deps;
  if (fileStore) {
    const services = { db: deps.db, clock: deps.clock, fileStore };
    const actor = (username: string) => {
      const user = users.get(username);
      const login = DEMO_LOGINS.find((candidate) => candidate.username === username);
      if (!user || !login) throw new Error(`demo user ${username} is missing`);
      return { id: user.id, username, portalId: login.portalId, role: login.role, producerId: null, groupId: null };
    };
    // Marcus has taken this year's SEP course (his ticket affirms it); Linda has not, so her form links to it.
    await seedDemoResources(services, {
      publisher: actor('prodservices'),
      completions: [
        [{ actor: actor('mreyes') }, 'SEP Training {year}'],
        [{ actor: actor('mreyes') }, 'Group Benefits Compliance'],
        [{ actor: actor('jessicacamp') }, 'Medicare Basics for Producers'],
      ],
    });
    if (secretBox) await seedDemoTickets({ ...services, secretBox, publicUrl: publicUrl ?? '' }, users);
  }
  return true;
}
