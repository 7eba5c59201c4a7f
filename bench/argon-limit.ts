// The physical limit bench:login compares with: raw Argon2id verifications per second, by the
// function the login uses, in a process set up like `portico serve` (the same thread pool).
// Usage: node bench/argon-limit.ts SECONDS CONCURRENCY → prints the rate.
import { sizeThreadPool } from '../src/server/platform/thread-pool.ts';

sizeThreadPool();
const { hashPassword, verifyPassword } = await import('../src/server/platform/passwords.ts');
const [seconds = 8, concurrency = 4] = process.argv.slice(2).map(Number);
const hash = await hashPassword('Bench2026');
let done = 0;
const until = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (Date.now() < until) {
      await verifyPassword(hash, 'Bench2026');
      done++;
    }
  }),
);
console.log(done / seconds);
