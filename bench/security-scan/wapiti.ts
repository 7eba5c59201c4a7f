// wapiti over the site and the GET endpoints of one session. Its JSON report's "vulnerabilities"
// and "anomalies" (500s, timeouts) are findings, "additionals" are notes. Two answers are checked
// again by the scan before being set aside, each against the live server (docs/security-scan.md):
// X-XSS-Protection: 0 and the web app's page served for a path that is not a file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTool } from './processes.ts';

/**
 * Named explicitly: wapiti's default set includes ssrf, which calls out to wapiti3.ovh. Why each
 * module is in or out: docs/security-scan.md.
 */
export const WAPITI_MODULES = [
  'backup',
  'blindsql',
  'crlf',
  'csp',
  'exec',
  'file',
  'htaccess',
  'http_headers',
  'methods',
  'permanentxss',
  'redirect',
  'sql',
  'xss',
] as const;
/**
 * wapiti 3.0.4's --max-scan-time bounds the crawl only and --max-attack-time each module, so a run
 * also has a hard stop (then it is incomplete); the scan's overall deadline may cut that shorter.
 */
const CRAWL_SECONDS = 60;
const ATTACK_SECONDS = 60;
export const WAPITI_RUN_SECONDS = 300;

export interface TWapitiRun {
  name: string;
  base: string;
  startUrls: string[];
  cookie?: string;
}

export interface TWapitiResult {
  findings: string[];
  accepted: string[];
  notes: string[];
  urlsFound: number;
  incomplete?: string;
  seconds: number;
  report: string;
}

interface TEntry {
  method?: string;
  path?: string;
  info?: string;
  parameter?: string;
  http_request?: string;
}
type TReport = Partial<Record<'vulnerabilities' | 'anomalies' | 'additionals', Record<string, TEntry[]>>>;

export async function runWapiti(
  wapiti: string,
  run: TWapitiRun,
  dirs: { reports: string; work: string },
  env: NodeJS.ProcessEnv,
  limitSeconds: number,
): Promise<TWapitiResult> {
  const report = join(dirs.reports, `wapiti-${run.name}.json`);
  const config = join(dirs.work, `wapiti-${run.name}`, 'config');
  mkdirSync(config, { recursive: true });
  // wapiti 3.0.4 builds every module, chosen or not, and the wapp module downloads its database
  // from GitHub when this file is missing: an empty one keeps it from trying.
  writeFileSync(join(config, 'apps.json'), '{}');
  const args = [
    '-u',
    `${run.base}/`,
    '--scope',
    'folder',
    '-m',
    WAPITI_MODULES.join(','),
    '--flush-session',
    '--store-session',
    join(dirs.work, `wapiti-${run.name}`, 'session'),
    '--store-config',
    config,
    '--no-bugreport', // else a module's crash is uploaded to wapiti3.ovh
    '--endpoint',
    `${run.base}/`, // payloads that name an "external" host name this server instead
    '-f',
    'json',
    '-o',
    report,
    '--max-scan-time',
    String(CRAWL_SECONDS),
    '--max-attack-time',
    String(ATTACK_SECONDS),
    '-t',
    '10',
    '-v',
    '1',
  ];
  if (run.cookie) args.push('-H', `Cookie: ${run.cookie}`); // a header: a Secure cookie would not be sent over http
  for (const url of run.startUrls) args.push('-s', url);
  const result = await runTool(wapiti, args, {
    env,
    timeoutSeconds: Math.min(WAPITI_RUN_SECONDS, limitSeconds),
    logFile: join(dirs.reports, `wapiti-${run.name}.txt`),
  });
  const launched = new Set([...result.output.matchAll(/Launching module (\w+)/g)].map((m) => m[1]));
  const notLaunched = WAPITI_MODULES.filter((m) => !launched.has(m));
  const base = { report, seconds: result.seconds, urlsFound: Number(/found (\d+) URLs and forms/.exec(result.output)?.[1] ?? 0) };
  if (result.timedOut || !existsSync(report))
    return { ...base, findings: [], accepted: [], notes: [], incomplete: `no report (exit ${String(result.code)}${result.timedOut ? ', time limit' : ''})` };
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as TReport;
  const judged = await judge(parsed, run.base);
  // The methods module only prints what it finds.
  judged.notes.push(...[...result.output.matchAll(/Interesting methods allowed on .*/g)].map((m) => m[0]));
  let incomplete: string | undefined;
  if (notLaunched.length > 0) incomplete = `modules not run: ${notLaunched.join(', ')}`;
  else if (/Max scan time was reached/i.test(result.output)) incomplete = `crawl stopped at --max-scan-time ${CRAWL_SECONDS}`;
  else if (/Max attack time was reached/i.test(result.output)) {
    incomplete = `modules stopped at --max-attack-time ${ATTACK_SECONDS}: ${[...result.output.matchAll(/Max attack time was reached for module (\w+)/g)].map((m) => m[1]).join(', ')}`;
  }
  return { ...base, ...judged, incomplete };
}

async function judge(report: TReport, base: string): Promise<Pick<TWapitiResult, 'findings' | 'accepted' | 'notes'>> {
  const findings: string[] = [];
  const accepted: string[] = [];
  const describe = (category: string, e: TEntry) =>
    `${category}: ${e.info ?? ''} [${e.method ?? ''} ${e.path ?? ''}${e.parameter ? ` parameter ${e.parameter}` : ''}]`;
  for (const kind of ['vulnerabilities', 'anomalies'] as const) {
    for (const [category, entries] of Object.entries(report[kind] ?? {})) {
      for (const entry of entries) {
        const reason = await setAsideReason(category, entry, base);
        if (reason) accepted.push(`${describe(category, entry)} — ${reason}`);
        else
          findings.push(
            `${kind === 'anomalies' ? 'anomaly ' : ''}${describe(category, entry)}${entry.http_request ? `\n      ${entry.http_request.replaceAll('\n', '\n      ')}` : ''}`,
          );
      }
    }
  }
  const notes = Object.entries(report.additionals ?? {}).flatMap(([category, entries]) => entries.map((e) => describe(category, e)));
  return { findings, accepted, notes };
}

/** Why a reported entry is not a finding, established against the live server; undefined if it is one. */
async function setAsideReason(category: string, entry: TEntry, base: string): Promise<string | undefined> {
  if (category === 'HTTP Secure Headers' && entry.info === 'X-XSS-Protection is not set') {
    const value = (await fetch(`${base}/`)).headers.get('x-xss-protection');
    if (value === '0') return 'Portico sends "X-XSS-Protection: 0" on purpose (Helmet, OWASP): the old filter caused leaks; CSP protects instead';
  }
  if (category === 'Backup file' && entry.path) {
    const [shell, answer] = await Promise.all([fetch(`${base}/staff/login`).then((r) => r.text()), fetch(base + entry.path).then((r) => r.text())]);
    if (answer === shell) return "the web app's page, served for every path that is not a file (client-side routing), not a file";
  }
  return undefined;
}
