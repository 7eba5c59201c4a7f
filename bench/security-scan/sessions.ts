// Authenticated scanning: the tools get a real session (cookie + CSRF token) of a demo user,
// made through the JSON login like a browser's. One fresh session per tool run, so a target that
// ends or spoils its session cannot blind the ones after it.
export type TSessionName = 'staff' | 'producers' | 'employers' | 'retail';

/** Demo logins of README.md ("Demo logins"): the administrator of each portal. */
export const SESSION_USERS: Record<TSessionName, { username: string; password: string }> = {
  staff: { username: 'secadmin', password: 'Staff#2026!' },
  producers: { username: 'mreyes', password: 'Producer#2026' },
  employers: { username: 'agarcia', password: 'Employer#2026' },
  retail: { username: 'jessicacamp', password: 'Retail26' },
};

export interface TSession {
  name: TSessionName;
  cookie: string;
  csrfToken: string;
  /** The Set-Cookie header as the server sent it (its flags are checked once). */
  setCookie: string;
}

export async function logIn(base: string, name: TSessionName): Promise<TSession> {
  const response = await fetch(`${base}/api/portals/${name}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SESSION_USERS[name]),
  });
  const body = (await response.json().catch(() => ({}))) as { csrfToken?: unknown };
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = /^(portico_session=[^;]+)/.exec(setCookie)?.[1];
  if (!response.ok || !cookie || typeof body.csrfToken !== 'string') {
    throw new Error(`login of ${SESSION_USERS[name].username} (${name}) failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return { name, cookie, csrfToken: body.csrfToken, setCookie };
}

export async function sessionIsValid(base: string, session: TSession): Promise<boolean> {
  const response = await fetch(`${base}/api/session`, { headers: { cookie: session.cookie } });
  return response.ok;
}

/**
 * The session cookie's flags as a production server must set them; a missing one is a finding.
 * (wapiti's cookieflags module cannot judge this cookie: see docs/security-scan.md.)
 */
export function cookieFlagProblems(setCookie: string): string[] {
  const attributes = setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());
  const problems: string[] = [];
  if (!attributes.includes('httponly')) problems.push('HttpOnly is not set');
  if (!attributes.includes('secure')) problems.push('Secure is not set (NODE_ENV=production)');
  if (!attributes.some((a) => a === 'samesite=lax' || a === 'samesite=strict')) problems.push('SameSite is not Lax or Strict');
  if (!attributes.includes('path=/')) problems.push('Path is not /');
  return problems;
}

/** Ids of demo users, looked up by the security administrator: targets of the admin actions. */
export async function findUserIds(base: string, staff: TSession, usernames: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const username of usernames) {
    const response = await fetch(`${base}/api/staff/users?q=${encodeURIComponent(username)}`, { headers: { cookie: staff.cookie } });
    const body = (await response.json()) as { items?: { id: string; username: string }[] };
    const id = body.items?.find((u) => u.username === username)?.id;
    if (!id) throw new Error(`demo user ${username} not found (${response.status})`);
    ids.set(username, id);
  }
  return ids;
}
