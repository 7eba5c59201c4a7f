import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sendDownload } from './download-reply.ts';

describe('a download', () => {
  it('is an attachment with nosniff, the stored type and length, never inline', async () => {
    const app = Fastify();
    const bytes = Buffer.from('%PDF-1.4 fake');
    app.get('/file', async (_request, reply) =>
      sendDownload(reply, { stream: Readable.from([bytes]), name: 'Déclaration "2026".pdf', contentType: 'application/pdf', sizeBytes: bytes.length }),
    );
    const r = await app.inject('/file');
    expect(r.statusCode).toBe(200);
    expect(r.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="D_claration _2026_.pdf"; filename*=UTF-8''D%C3%A9claration%20%222026%22.pdf`,
    });
    expect(r.rawPayload.equals(bytes)).toBe(true);
    await app.close();
  });

  it('encodes every character RFC 5987 does not allow as is, and never lets a name break the header', () => {
    expect(contentDisposition("it's (1)*!.png")).toBe(`attachment; filename="it's (1)*!.png"; filename*=UTF-8''it%27s%20%281%29%2A%21.png`);
    expect(contentDisposition('a;b\\c%d.pdf')).toBe(`attachment; filename="a_b_c_d.pdf"; filename*=UTF-8''a%3Bb%5Cc%25d.pdf`);
    expect(contentDisposition('日本.pdf')).toMatch(/^attachment; filename="__\.pdf"; filename\*=UTF-8''%E6%97%A5%E6%9C%AC\.pdf$/);
  });
});
