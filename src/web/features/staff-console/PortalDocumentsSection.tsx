// The documents a portal offers its users (SR-3: the producers' Group POR Transfer Form), shown
// beside the portal's settings: built-in or published, by whom; whoever may change the settings
// publishes a PDF in its place or goes back to the built-in form.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { TPortalDocument } from '../../../shared/portal-document-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { FieldError, FieldLabel } from '../../ui/TextField.tsx';
import { formatDateTime, formatFileSize } from '../../ui/format.ts';
import { fetchPortalDocuments, portalDocumentUrl, publishPortalDocument, resetPortalDocument, staffConsoleKeys } from './staff-api.ts';

export function PortalDocumentsSection({ portalId, editable }: { portalId: TPortalId; editable: boolean }) {
  const titleId = useId();
  const loaded = useQuery({ queryKey: staffConsoleKeys.portalDocuments(portalId), queryFn: () => fetchPortalDocuments(portalId) });
  const [announcement, setAnnouncement] = useState<string | null>(null);
  return (
    <section className="settings-portal" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Documents
      </h2>
      <p>The documents this portal offers its users. A PDF you publish replaces the built-in one at once; every change is recorded in the audit log.</p>
      <LiveStatus>{announcement}</LiveStatus>
      {loaded.error ? <ErrorAlert>{loaded.error.message}</ErrorAlert> : null}
      {loaded.data ? (
        loaded.data.map((document) => (
          <PortalDocumentCard key={document.name} portalId={portalId} document={document} editable={editable} announce={setAnnouncement} />
        ))
      ) : loaded.error ? null : (
        <p role="status" className="loading">
          Loading the documents…
        </p>
      )}
    </section>
  );
}

interface TCardProps {
  portalId: TPortalId;
  document: TPortalDocument;
  editable: boolean;
  announce: (message: string | null) => void;
}

function PortalDocumentCard({ portalId, document, editable, announce }: TCardProps) {
  const prefix = useId();
  const inputId = `${prefix}-file`;
  const errorId = `${prefix}-error`;
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const changed = (message: string) => {
    // The change is an audit event too.
    void queryClient.invalidateQueries({ queryKey: staffConsoleKeys.portalDocuments(portalId) });
    void queryClient.invalidateQueries({ queryKey: staffConsoleKeys.audit() });
    announce(message);
  };
  const publish = useMutation({
    mutationFn: (chosen: File) => publishPortalDocument(portalId, document.name, chosen),
    onSuccess: (published) => {
      setFile(null);
      setInputKey((key) => key + 1);
      changed(`${published.fileName} is now the ${document.title}.`);
    },
    // Announced in the alert; the input is left as it was, to choose another file.
    onError: (error) => setFailure(error.message),
  });
  const reset = useMutation({
    mutationFn: () => resetPortalDocument(portalId, document.name),
    onSuccess: () => {
      setConfirming(false);
      changed(`The built-in ${document.title} is offered again.`);
    },
    onError: (error) => {
      setConfirming(false);
      setFailure(error.message);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    announce(null);
    setFailure(null);
    // The server decides by the content; this only spares sending what is plainly not a PDF.
    const refusal = !file
      ? 'Choose a PDF file to publish.'
      : file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')
        ? 'Choose a PDF file.'
        : null;
    if (!file || refusal) {
      setFieldError(refusal ?? undefined);
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    publish.mutate(file);
  };

  const published = document.source === 'published';
  return (
    <div className="fieldset">
      <h3>{document.title}</h3>
      <dl className="profile-facts">
        <dt>Offered</dt>
        <dd>{published ? 'Published by staff' : 'The built-in form'}</dd>
        <dt>File</dt>
        <dd>
          {document.fileName} ({formatFileSize(document.sizeBytes)})
        </dd>
        {published ? (
          <>
            <dt>Published</dt>
            <dd>
              {formatDateTime(document.updatedAt)} by {document.updatedBy}
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={portalDocumentUrl(portalId, document.name)} download>
          Download the {document.title}
        </a>
      </p>
      {failure ? <ErrorAlert>{failure}</ErrorAlert> : null}
      {editable ? (
        <form className="form" noValidate onSubmit={submit} aria-label={`Publish a new ${document.title}`}>
          <div className="field">
            <FieldLabel htmlFor={inputId} label={`New ${document.title} (PDF)`} />
            <input
              key={inputKey}
              ref={inputRef}
              id={inputId}
              type="file"
              accept=".pdf,application/pdf"
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? errorId : undefined}
              disabled={publish.isPending}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                setFieldError(undefined);
              }}
            />
            <FieldError id={errorId} error={fieldError} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={publish.isPending}>
              {publish.isPending ? 'Publishing…' : 'Publish'}
            </button>
            {published ? (
              <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
                Use the built-in form
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <p>Only a Security Administrator can replace this document.</p>
      )}
      {confirming ? (
        <ConfirmDialog
          title={`Use the built-in ${document.title}?`}
          confirmLabel="Use the built-in form"
          destructive
          busy={reset.isPending}
          onConfirm={() => reset.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <p>Users of this portal will download the built-in form instead of {document.fileName}. You can publish a PDF again at any time.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
