// A CSV download streamed as it is produced: the user exports of the Security Manager and the
// staff console. The chunks are read once, as the client takes them, so memory stays flat.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface TCsvDownload {
  filename: string;
  /** CSV text in chunks; iterated once. */
  chunks: AsyncIterable<string>;
}

export function sendCsv(reply: FastifyReply, download: TCsvDownload) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${download.filename}"`)
    .send(Readable.from(download.chunks, { objectMode: false, highWaterMark: 64 * 1024 }));
}
