// PGlite is single-process: two processes opening one data directory would corrupt it.
// A pid file makes the second one stop with a clear message instead.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../platform/errors.ts';

export interface TDataDirLock {
  release(): void;
}

export function acquireDataDirLock(dir: string): TDataDirLock {
  const path = join(dir, 'portico.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (isAlive(holder)) {
        throw new AppError('db.embedded_busy', {
          message: `The embedded database in ${dir} is in use by another Portico process (pid ${holder}). Stop it first, or set DATABASE_URL to use a PostgreSQL server.`,
        });
      }
      rmSync(path, { force: true }); // left behind by a process that died
    }
  }
  throw new AppError('db.embedded_busy');
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
