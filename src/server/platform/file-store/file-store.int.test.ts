// Both file store backends against the same contract: the disk under a temporary folder, and S3
// against s3rver in this process. Bytes are compared exactly (a wrong checksum setting stores the
// aws-chunked framing inside the object: the length and the bytes would differ).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3, type TTestS3 } from '../../../../test/support/s3.ts';
import { createDiskFileStore } from './disk-file-store.ts';
import { FileMissingError, type TFileStore } from './file-store.ts';
import { createS3FileStore } from './s3-file-store.ts';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function keysOf(store: TFileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const file of store.list()) keys.push(file.key);
  return keys.sort();
}

/** A stream of `bytes` in small chunks, failing after `failAfter` chunks when given. */
function chunked(bytes: Buffer, failAfter?: number): Readable {
  return Readable.from(
    (async function* () {
      for (let i = 0, n = 0; i < bytes.length; i += 64 * 1024, n++) {
        if (failAfter !== undefined && n === failAfter) throw new Error('the client went away');
        yield bytes.subarray(i, i + 64 * 1024);
      }
    })(),
  );
}

let diskRoot: string;
let s3: TTestS3;
const stores: Record<'disk' | 's3', () => TFileStore> = {
  disk: () => createDiskFileStore(diskRoot),
  s3: () => createS3FileStore(s3.config),
};

beforeAll(async () => {
  diskRoot = await mkdtemp(join(tmpdir(), 'portico-store-'));
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3.stop();
  await rm(diskRoot, { recursive: true, force: true });
});

describe.each(['disk', 's3'] as const)('the %s file store', (kind) => {
  it('gives back exactly the bytes it was given, from a buffer and from a stream', async () => {
    const store = stores[kind]();
    const small = Buffer.from('%PDF-1.7\n\u0000\u00ff binary \r\n tail');
    const large = randomBytes(1024 * 1024 + 17);
    await store.put({ key: 'ab/small', bytes: small });
    await store.put({ key: 'ab/large', bytes: chunked(large) });
    expect((await readAll(await store.open('ab/small'))).equals(small)).toBe(true);
    const back = await readAll(await store.open('ab/large'));
    expect(back.length).toBe(large.length);
    expect(back.equals(large)).toBe(true);
    expect(await keysOf(store)).toEqual(expect.arrayContaining(['ab/large', 'ab/small']));
  });

  it('keeps nothing of a stream that fails, and says so', async () => {
    const store = stores[kind]();
    await expect(store.put({ key: 'cd/broken', bytes: chunked(randomBytes(512 * 1024), 3) })).rejects.toThrow('the client went away');
    await expect(store.open('cd/broken')).rejects.toBeInstanceOf(FileMissingError);
    expect(await keysOf(store)).not.toContain('cd/broken');
  });

  it('removes a file; removing again or opening it is a clear "missing"', async () => {
    const store = stores[kind]();
    await store.put({ key: 'ef/gone', bytes: Buffer.from('x') });
    await store.remove('ef/gone');
    await store.remove('ef/gone');
    await expect(store.open('ef/gone')).rejects.toBeInstanceOf(FileMissingError);
    expect(await keysOf(store)).not.toContain('ef/gone');
  });

  it('lists files with when they were written', async () => {
    const store = stores[kind]();
    const before = Date.now() - 5_000;
    await store.put({ key: 'gh/dated', bytes: Buffer.from('dated') });
    let found: Date | undefined;
    for await (const file of store.list()) if (file.key === 'gh/dated') found = file.modifiedAt;
    expect(found?.getTime()).toBeGreaterThan(before);
  });

  it('refuses keys that could leave its folder or are not its own', async () => {
    const store = stores[kind]();
    for (const key of ['', '../escape', 'ab/../../x', '/abs', 'UPPER', '.hidden', 'a//b', 'a b']) {
      await expect(store.put({ key, bytes: Buffer.from('x') }), key).rejects.toThrow(/invalid file store key/);
    }
  });
});

describe('the disk store', () => {
  it('writes files readable by the owner only, and leaves no temporary file behind', async () => {
    const store = createDiskFileStore(diskRoot);
    await store.put({ key: 'ij/private', bytes: Buffer.from('secret-ish') });
    expect((await stat(join(diskRoot, 'ij', 'private'))).mode & 0o777).toBe(0o600);
    expect(await readdir(join(diskRoot, '.tmp'))).toEqual([]);
  });

  it('removes temporary files an interrupted write left, once they are old', async () => {
    const store = createDiskFileStore(diskRoot);
    await mkdir(join(diskRoot, '.tmp'), { recursive: true });
    const old = join(diskRoot, '.tmp', 'crashed.part');
    const fresh = join(diskRoot, '.tmp', 'in-flight.part');
    await writeFile(old, 'half');
    await writeFile(fresh, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    expect(await store.removeLeftovers({ olderThan: new Date(Date.now() - 3_600_000) })).toBe(1);
    expect(await readdir(join(diskRoot, '.tmp'))).toEqual(['in-flight.part']);
    expect(await keysOf(store)).not.toContain('.tmp/in-flight.part');
    await rm(fresh);
  });
});

describe('the S3 store', () => {
  it('stores the object under files/ with the exact bytes, and lists nothing outside files/', async () => {
    const store = createS3FileStore(s3.config);
    const bytes = randomBytes(300 * 1024);
    await store.put({ key: 'kl/raw', bytes: chunked(bytes) });
    const raw = await store.client.send(new GetObjectCommand({ Bucket: s3.config.bucket, Key: 'files/kl/raw' }));
    expect(raw.ContentLength).toBe(bytes.length);
    expect(Buffer.from(await (raw.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()).equals(bytes)).toBe(true);
    await store.client.send(new PutObjectCommand({ Bucket: s3.config.bucket, Key: 'elsewhere/not-ours', Body: 'x' }));
    expect(await keysOf(store)).not.toContain('elsewhere/not-ours');
    expect(await store.removeLeftovers({ olderThan: new Date() })).toBe(0);
    store.client.destroy();
  });
});
