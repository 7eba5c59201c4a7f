// An S3-compatible server in this process (s3rver) on a free port, with one empty bucket, for the
// S3 backend of the file store; objects live in a temporary folder removed on stop.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { TS3Config } from '../../src/server/config.ts';

export interface TTestS3 {
  config: TS3Config;
  stop(): Promise<void>;
}

export async function startTestS3(bucket = 'portico-test'): Promise<TTestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'portico-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    config: {
      url: `http://127.0.0.1:${port}`,
      bucket,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
