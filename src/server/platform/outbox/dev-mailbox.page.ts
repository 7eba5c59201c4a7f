// The dev mailbox page: server-rendered, everything escaped, no inline script or style (the
// app's CSP allows neither); styling comes from /dev/mail.css.
import type { TOutboxMessageView } from './outbox.store.ts';
import { html } from './html.ts';

const LINK = /https?:\/\/[^\s<>"')\]]+/g;

/** http(s) addresses in a text body, in order, without repeats (reset links, portal links). */
export function linksIn(text: string): string[] {
  return [...new Set((text.match(LINK) ?? []).map((l) => l.replace(/[.,;:!?]+$/, '')))];
}

export function renderDevMailboxPage(messages: TOutboxMessageView[], filter: { to?: string | undefined }): string {
  const items = messages.map((m) => {
    const links = linksIn(m.text);
    return html`<article class="message" id="message-${m.id}">
  <h2>${m.subject}</h2>
  <dl>
    <dt>To</dt><dd>${m.to}</dd>
    <dt>Kind</dt><dd>${m.kind}</dd>
    <dt>Created</dt><dd><time datetime="${m.createdAt.toISOString()}">${m.createdAt.toISOString()}</time></dd>
    <dt>Status</dt><dd class="status-${m.status}">${m.status}${m.attempts > 0 ? ` (attempts: ${m.attempts})` : ''}</dd>
    ${m.lastError ? html`<dt>Last error</dt><dd>${m.lastError}</dd>` : ''}
  </dl>
  <pre>${m.text}</pre>
  ${links.length > 0 ? html`<p>Links: ${links.map((l, i) => html`${i > 0 ? ' · ' : ''}<a href="${l}">${l}</a>`)}</p>` : ''}
  <p><a href="/dev/mail/${m.id}/html">View the HTML version</a></p>
</article>`;
  });
  const heading = filter.to ? `Dev mailbox — ${filter.to}` : 'Dev mailbox';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading}</title>
<link rel="stylesheet" href="/dev/mail.css">
</head>
<body>
<main>
<h1>${heading}</h1>
<p>E-mail Portico wrote while no SMTP server is configured (SMTP_URL unset), newest first. Nothing here left this machine.</p>
${filter.to ? html`<p><a href="/dev/mail">Show all recipients</a></p>` : ''}
${items.length > 0 ? items : html`<p>No messages yet.</p>`}
</main>
</body>
</html>
`.value;
}

export const DEV_MAILBOX_CSS = `body { font: 15px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1b1d21; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
.message { background: #fff; border: 1px solid #d5d9e0; border-radius: 6px; padding: 0.5rem 1.25rem 1rem; margin: 1rem 0; }
.message h2 { font-size: 1.1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 0.75rem; }
dt { font-weight: 600; }
dd { margin: 0; }
pre { white-space: pre-wrap; background: #f7f7f9; padding: 0.75rem; border-radius: 4px; font-size: 0.9rem; }
.status-failed { color: #a40e26; }
.status-pending { color: #7a5400; }
a { color: #0b5cad; }
`;
