// Dates as the portals show them: in the browser's time zone, US style ("Mar 2, 2026, 9:15 AM").
const DATE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const DATE_UTC = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatDateTime(iso: string | null | undefined, never = 'Never'): string {
  if (!iso) return never;
  const date = parse(iso);
  return date ? DATE_TIME.format(date) : iso;
}

export function formatDate(iso: string | null | undefined, never = 'Never'): string {
  if (!iso) return never;
  const date = parse(iso);
  return date ? DATE.format(date) : iso;
}

/** A calendar day the server gives as YYYY-MM-DD (UTC), shown as that same day. */
export function formatDay(day: string): string {
  const date = parse(`${day.slice(0, 10)}T00:00:00Z`);
  return date ? DATE_UTC.format(date) : day;
}

/** A file's size as the portals show it: whole KB (at least 1) below a MB, MB to one decimal above. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
