import { useId } from 'react';
import { formatFileSize } from './format.ts';

interface TAttachment {
  id: string;
  name: string;
  sizeBytes: number;
}

/** A request's files as a panel of download links; `hrefOf` says where each one downloads from (producer or staff route). */
export function AttachmentList({ files, hrefOf }: { files: readonly TAttachment[]; hrefOf: (file: TAttachment) => string }) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Attachments
      </h2>
      {files.length === 0 ? (
        <p>No files are attached to this request.</p>
      ) : (
        <ul className="ticket-attachments">
          {files.map((file) => (
            <li key={file.id}>
              <a href={hrefOf(file)} download={file.name}>
                {file.name}
              </a>{' '}
              <span className="field-hint">({formatFileSize(file.sizeBytes)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
