// HTML built from templates whose interpolations are escaped unless already safe, so e-mail
// bodies and the dev mailbox page cannot be broken by a user name or subject.

/** A fragment of HTML that is already escaped (the only thing `html` inserts verbatim). */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type THtmlValue = string | number | SafeHtml | null | undefined | false | readonly THtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: THtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly THtmlValue[]).map(render).join('');
  return escapeHtml(typeof value === 'number' ? String(value) : (value as string));
}

/** Tagged template: html`<p>${userText}</p>` escapes userText; nested html`` fragments and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: THtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}
