import { join } from 'node:path';

export const PGLITE_TEMPLATE_FILE = join(import.meta.dirname, '../../.tmp/pglite-template.tar.gz');
export const PG_TEMPLATE_DB = 'portico_test_template';
