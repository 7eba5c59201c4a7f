// Sizes libuv's thread pool, where Argon2id (the cost of every login) runs: one thread per core.
// libuv's default of 4 threads on this 2-core machine time-slices the hashes, each evicting the
// others' 19 MiB working set from the caches; one per core verifies ~13 % more passwords per
// second (bench:login). libuv reads the size once, when the pool first starts, so the CLI door
// calls this before loading anything else (Node 24's module loader reads files synchronously, so
// nothing has started the pool by then). At least two threads: the pool also serves file reads
// and DNS lookups, which then wait behind a hash only while logins fill every turn (logins get
// one turn per thread plus one queued, login.service.ts: such a read waits until two hashes have
// ended, at most about one hash's time, ~10 ms). An operator's UV_THREADPOOL_SIZE wins.
import { availableParallelism } from 'node:os';

export function sizeThreadPool(): void {
  process.env.UV_THREADPOOL_SIZE ??= String(Math.max(2, availableParallelism()));
}

/** The pool's size as libuv will use it (its default is 4). */
export function threadPoolSize(): number {
  const size = Number(process.env.UV_THREADPOOL_SIZE);
  return Number.isInteger(size) && size >= 1 ? Math.min(size, 1024) : 4;
}
