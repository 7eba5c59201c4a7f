// A stored file sent as a download (SR-5): always `attachment`, never shown inline, with the type
// decided when it was uploaded and nosniff, so a browser never runs what a user uploaded in the
// portal's origin. The sandbox CSP is a second lock should a browser render it anyway.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface TDownload {
  stream: Readable;
  /** The name the file is saved under (the original name, as metadata). */
  name: string;
  contentType: string;
  sizeBytes: number;
}

export function sendDownload(reply: FastifyReply, file: TDownload) {
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.stream);
}

/** RFC 6266: an ASCII fallback for old clients, and the exact name in RFC 5987's UTF-8 form. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'download';
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
