import { customType } from 'drizzle-orm/pg-core';

/** Case-insensitive text (the citext extension, loaded on PGlite and PostgreSQL alike). */
export const citext = customType<{ data: string }>({
  dataType: () => 'citext',
});
