// Files in an S3-compatible bucket (S3_URL + S3_BUCKET), so every instance of an installation sees
// the same files. PutObject is atomic (an object appears whole or not at all), so there is no
// temporary name. Checksums only when the operation requires them: with the SDK's default
// (always) some S3-compatible servers store the aws-chunked framing inside the object.
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { TS3Config } from '../../config.ts';
import { assertValidKey, FileMissingError, isValidKey, type TFileStore, type TStoredFile } from './file-store.ts';

/** Objects live under this prefix, so the sweep never touches anything else in the bucket. */
const PREFIX = 'files/';

export function createS3FileStore(config: TS3Config): TFileStore & { client: S3Client } {
  const client = new S3Client({
    endpoint: config.url,
    region: config.region,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(config.credentials ? { credentials: config.credentials } : {}),
  });
  const Bucket = config.bucket;
  const objectKey = (key: string) => {
    assertValidKey(key);
    return `${PREFIX}${key}`;
  };
  return {
    kind: 's3',
    client,
    async put({ key, bytes }) {
      // PutObject needs the length up front; the files here are small (the portal's upload limit),
      // and a stream that fails (over the limit) fails here, before anything is sent.
      const body = Buffer.isBuffer(bytes) ? bytes : await collect(bytes);
      await client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: body, ContentLength: body.length }));
    },
    async open(key) {
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        if (!(Body instanceof Readable)) throw new Error('the S3 client returned no stream');
        return Body;
      } catch (error) {
        if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)) throw new FileMissingError(key);
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    list: () => listObjects(client, Bucket),
    async removeLeftovers() {
      return 0;
    },
  };
}

async function* listObjects(client: S3Client, Bucket: string): AsyncGenerator<TStoredFile> {
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: PREFIX, ContinuationToken }));
    for (const object of page.Contents ?? []) {
      const key = object.Key?.slice(PREFIX.length) ?? '';
      if (isValidKey(key)) yield { key, modifiedAt: object.LastModified ?? new Date(0) };
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
