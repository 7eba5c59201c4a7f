import type { TServiceDeps } from '../../platform/deps.ts';
import { importGroupsCsv } from '../imports/groups-import.service.ts';
import { importProducersCsv } from '../imports/producers-import.service.ts';
import { createUser, hasAnyUsers } from '../users/users.service.ts';
import { DEMO_GROUPS_CSV, DEMO_LOGINS, DEMO_PRODUCERS_CSV } from './demo-data.ts';

const SEEDER = { label: 'portico seed --demo' };

/** Loads the demo data into an empty database; returns false (and changes nothing) otherwise. */
export async function seedDemoData(deps: TServiceDeps): Promise<boolean> {
  if (await hasAnyUsers(deps.db)) return false;
  await importProducersCsv(deps, { csv: DEMO_PRODUCERS_CSV, actor: SEEDER });
  await importGroupsCsv(deps, { csv: DEMO_GROUPS_CSV, actor: SEEDER });
  for (const login of DEMO_LOGINS) {
    await createUser(deps, {
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
  }
  return true;
}
