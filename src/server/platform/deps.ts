import type { TDb } from '../db/client.ts';
import type { TClock } from './clock.ts';

/** What every service needs: the database and the time. */
export interface TServiceDeps {
  db: TDb;
  clock: TClock;
}
