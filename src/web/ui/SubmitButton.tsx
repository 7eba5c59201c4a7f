/** A form's submit button; while the request is out it is disabled and says so to screen readers. */
export function SubmitButton({ submitting, label = 'Submit' }: { submitting: boolean; label?: string }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={submitting}>
        {label}
      </button>
      {submitting ? (
        <span className="visually-hidden" role="status">
          Sending…
        </span>
      ) : null}
    </div>
  );
}
