// How the portals name a user in lists (a ticket's filer, who published a document): the full
// name, else the username.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** A person as others see them: first and last name, else the user name. */
export function displayNameOf(table: { firstName: AnyPgColumn; lastName: AnyPgColumn; username: AnyPgColumn }): SQL<string> {
  return sql<string>`coalesce(nullif(trim(${table.firstName} || ' ' || ${table.lastName}), ''), ${table.username}::text)`;
}
