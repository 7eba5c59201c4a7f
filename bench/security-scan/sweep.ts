// The two sweeps against a started server: wapiti per session (the site and the GET endpoints),
// then sqlmap per JSON operation. Each result says what was tested, what was found, and whether
// the run can be trusted (target reached, session still valid, tool finished).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSpreadingRelay } from './relay.ts';
import type { TScannedServer } from './server.ts';
import { logIn, sessionIsValid, SESSION_USERS, type TSession, type TSessionName } from './sessions.ts';
import { runSqlmap, SQLMAP_TIME_LIMIT_SECONDS } from './sqlmap.ts';
import { targetUrl, TARGETS, type TTarget } from './targets.ts';
import { runWapiti, type TWapitiResult } from './wapiti.ts';

export interface TDirs {
  reports: string;
  work: string;
}

export interface TOutcome {
  tool: 'wapiti' | 'sqlmap';
  name: string;
  what: string;
  findings: string[];
  accepted: string[];
  notes: string[];
  incomplete?: string;
  seconds: number;
  requests: Map<number, number>;
  evidence: string;
}

/** Pages of the web app and public reads: wapiti's signed-out run starts from them (and from every GET target). */
const PUBLIC_START = ['/', '/producers/login', '/employers/login', '/retail/login', '/staff/login', '/producers/forgot-username', '/api/portals', '/api/docs'];
const WAPITI_RUNS: readonly (TSessionName | 'public')[] = ['public', 'staff', 'producers', 'employers', 'retail'];

/** What a sweep needs besides its tool: the server, the ids of acted-on users, folders, the tools' environment, and when to stop. */
export interface TSweep {
  server: TScannedServer;
  userIds: ReadonlyMap<string, string>;
  dirs: TDirs;
  env: NodeJS.ProcessEnv;
  /** performance.now() after which no run starts and the running one is cut short. */
  deadline: number;
}

/** Seconds before the deadline, or the outcome of a run skipped for lack of them. */
function timeLeft(sweep: TSweep, tool: TOutcome['tool'], name: string, what: string): number | TOutcome {
  const left = (sweep.deadline - performance.now()) / 1000;
  if (left >= 15) return left;
  return {
    tool,
    name,
    what,
    findings: [],
    accepted: [],
    notes: [],
    incomplete: "not run: the scan's overall time limit was reached",
    seconds: 0,
    requests: new Map(),
    evidence: '-',
  };
}

export async function sweepWithWapiti(wapiti: string, sweep: TSweep): Promise<TOutcome[]> {
  const { server, userIds, dirs, env } = sweep;
  const outcomes: TOutcome[] = [];
  for (const name of WAPITI_RUNS) {
    const left = timeLeft(sweep, 'wapiti', name, 'skipped');
    if (typeof left !== 'number') {
      outcomes.push(left);
      continue;
    }
    const session = name === 'public' ? undefined : await logIn(server.base, name);
    // Signed out, the session's GET endpoints answer 401: what wapiti's htaccess module tries to get around.
    const gets = TARGETS.filter((t) => t.method === 'GET' && (name === 'public' || t.session === name)).map((t) => targetUrl(server.base, t, userIds, false));
    const startUrls = name === 'public' ? [...PUBLIC_START.map((p) => server.base + p), ...gets] : gets;
    server.setPhase(`wapiti ${name}`);
    const result: TWapitiResult = await runWapiti(wapiti, { name, base: server.base, startUrls, cookie: session?.cookie }, dirs, env, left);
    const lost = session && !(await sessionIsValid(server.base, session)) ? 'the session ended during the run' : undefined;
    outcomes.push({
      tool: 'wapiti',
      name,
      what: `${startUrls.length} start URLs, ${result.urlsFound} URLs crawled, ${session ? `signed in as ${SESSION_USERS[session.name].username}` : 'no session'}`,
      findings: result.findings,
      accepted: result.accepted,
      notes: result.notes,
      incomplete: result.incomplete ?? lost,
      seconds: result.seconds,
      requests: server.statuses(`wapiti ${name}`),
      evidence: result.report,
    });
  }
  return outcomes;
}

export async function sweepWithSqlmap(sqlmap: string, sweep: TSweep): Promise<TOutcome[]> {
  const { server, userIds, dirs, env } = sweep;
  const outcomes: TOutcome[] = [];
  for (const target of TARGETS) {
    const left = timeLeft(sweep, 'sqlmap', target.name, target.operation);
    if (typeof left !== 'number') {
      outcomes.push(left);
      continue;
    }
    const phase = `sqlmap ${target.name}`;
    server.setPhase(phase);
    const session = target.session ? await logIn(server.base, target.session) : undefined;
    const outputDir = join(dirs.reports, 'sqlmap', target.name);
    mkdirSync(outputDir, { recursive: true });
    const reached = await reachesHandler(server.base, target, userIds, session);
    if (reached) {
      outcomes.push({
        tool: 'sqlmap',
        name: target.name,
        what: target.operation,
        findings: [],
        accepted: [],
        notes: [],
        incomplete: reached,
        seconds: 0,
        requests: server.statuses(phase),
        evidence: '-',
      });
      continue;
    }
    const relay = target.spread ? await startSpreadingRelay(server.port) : undefined;
    try {
      const base = relay ? `http://127.0.0.1:${relay.port}` : server.base;
      const result = await runSqlmap(
        sqlmap,
        {
          url: targetUrl(base, target, userIds, true),
          method: target.method,
          level: target.level,
          body: target.body === undefined ? undefined : JSON.stringify(target.body),
          cookie: session?.cookie,
          csrfToken: target.method === 'GET' ? undefined : session?.csrfToken,
          headers: target.headers,
          only: target.only,
        },
        outputDir,
        env,
        Math.min(SQLMAP_TIME_LIMIT_SECONDS, left),
      );
      const lost = session && !(await sessionIsValid(server.base, session)) ? 'the session ended during the run' : undefined;
      outcomes.push({
        tool: 'sqlmap',
        name: target.name,
        what: `${target.operation}; tested ${result.tested.join(', ') || 'nothing'}`,
        findings: result.findings,
        accepted: [],
        notes: result.notes,
        incomplete: result.incomplete ?? lost,
        seconds: result.seconds,
        requests: server.statuses(phase),
        evidence: result.logFile,
      });
    } finally {
      await relay?.close();
    }
  }
  return outcomes;
}

/** The target's request, sent once as is: undefined when its answer is one it expects, else why not. */
async function reachesHandler(base: string, target: TTarget, userIds: ReadonlyMap<string, string>, session: TSession | undefined): Promise<string | undefined> {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (session && target.method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (target.body !== undefined) headers['content-type'] = 'application/json';
  for (const header of target.headers ?? []) {
    const [name = '', ...value] = header.replaceAll('*', '').split(':');
    headers[name.trim().toLowerCase()] = value.join(':').trim();
  }
  const response = await fetch(targetUrl(base, target, userIds, false), {
    method: target.method,
    headers,
    body: target.body === undefined ? undefined : JSON.stringify(target.body),
  });
  const text = await response.text();
  return target.expect.includes(response.status)
    ? undefined
    : `the request itself answered ${response.status} (expected ${target.expect.join('/')}): ${text.slice(0, 200)}`;
}
