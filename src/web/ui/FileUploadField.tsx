import { useId, useState, type ChangeEvent, type ReactNode, type Ref } from 'react';
import { FieldError, FieldLabel } from './TextField.tsx';
import { formatFileSize } from './format.ts';

/** A file the server has taken: its id goes into the form's value, the rest is shown. */
export interface TUploadedFile {
  id: string;
  name: string;
  sizeBytes: number;
}

export const DEFAULT_UPLOAD_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const HINT_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg'];
const HINT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

interface TFileUploadFieldProps {
  id: string;
  label: string;
  /** Sends one file; `onProgress` takes the fraction sent. A refusal's Error message is shown at the field. */
  upload: (file: File, onProgress: (fraction: number) => void) => Promise<TUploadedFile>;
  /** Called with the ids of the uploaded files each time the list changes. */
  onChange: (ids: string[]) => void;
  maxBytes: number;
  maxFiles: number;
  /** The form's own error for the value (e.g. a required file missing, or the server's). */
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  requiredMark?: boolean;
  accept?: string;
  name?: string;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
}

/** The checks the browser can make before sending; the server decides the type by the content anyway. */
function refusalOf(file: File, { maxBytes, maxFiles, count }: { maxBytes: number; maxFiles: number; count: number }): string | null {
  const lowerName = file.name.toLowerCase();
  if (!HINT_TYPES.includes(file.type) && !HINT_EXTENSIONS.some((extension) => lowerName.endsWith(extension))) return 'Choose a PDF, PNG or JPEG file.';
  if (file.size === 0) return 'The file is empty. Choose the file again.';
  if (file.size > maxBytes) return `The file is too large: at most ${formatFileSize(maxBytes)}.`;
  if (count >= maxFiles) return `You can attach at most ${maxFiles} ${maxFiles === 1 ? 'file' : 'files'}. Remove one first.`;
  return null;
}

/**
 * A real file input ("Choose File" / "No file chosen") that uploads the chosen file at once,
 * shows its progress, then lists it with a Remove button. Remount it (key) to start empty.
 */
export function FileUploadField(props: TFileUploadFieldProps) {
  const { id, label, upload, onChange, maxBytes, maxFiles, error, hint, required, requiredMark, accept = DEFAULT_UPLOAD_ACCEPT, name, onBlur, ref } = props;
  const prefix = useId();
  const [files, setFiles] = useState<TUploadedFile[]>([]);
  const [sending, setSending] = useState<{ name: string; percent: number } | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const shownError = localError ?? error;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const progressLabelId = `${prefix}-progress`;
  const describedBy = [hint ? hintId : null, shownError ? errorId : null].filter(Boolean).join(' ');

  const update = (next: TUploadedFile[]) => {
    setFiles(next);
    onChange(next.map((file) => file.id));
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setLocalError(null);
    setAnnouncement('');
    const refusal = refusalOf(file, { maxBytes, maxFiles, count: files.length });
    if (refusal) {
      input.value = '';
      setLocalError(refusal);
      return;
    }
    setSending({ name: file.name, percent: 0 });
    try {
      const uploaded = await upload(file, (fraction) => setSending({ name: file.name, percent: Math.round(fraction * 100) }));
      update([...files, uploaded]);
      setAnnouncement(`${uploaded.name} uploaded.`);
    } catch (failure) {
      setLocalError(failure instanceof Error ? failure.message : 'The file could not be uploaded. Please try again.');
    } finally {
      setSending(null);
      // The list below shows what was taken; the input is ready for another file (or the same again).
      input.value = '';
    }
  };

  const remove = (removed: TUploadedFile) => {
    update(files.filter((file) => file.id !== removed.id));
    setAnnouncement(`${removed.name} removed.`);
  };

  return (
    <div className="field file-upload">
      <FieldLabel htmlFor={id} label={label} requiredMark={requiredMark} />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        name={name}
        type="file"
        accept={accept}
        className="file-upload-input"
        required={required && files.length === 0}
        disabled={sending !== null}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => void choose(event)}
        onBlur={onBlur}
      />
      {sending ? (
        <div className="file-upload-progress">
          <span id={progressLabelId}>Uploading {sending.name}</span>
          <progress max={100} value={sending.percent} aria-labelledby={progressLabelId} />
          <span>{sending.percent}%</span>
        </div>
      ) : null}
      {files.length > 0 ? (
        <ul className="file-upload-list" aria-label={`${label}: uploaded files`}>
          {files.map((file) => (
            <li key={file.id}>
              <span>
                {file.name} ({formatFileSize(file.sizeBytes)})
              </span>
              <button type="button" className="button-text" aria-label={`Remove ${file.name}`} onClick={() => remove(file)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FieldError id={errorId} error={shownError} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
