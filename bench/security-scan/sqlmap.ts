// sqlmap against one JSON operation. A finding is anything sqlmap says is (or may be) injectable
// or includable, read from three places so a change of wording in one cannot hide it: its output,
// its results CSV and its per-host log. A run that never says it tested a parameter and finished
// is incomplete, not clean.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTool } from './processes.ts';

/** Statuses sqlmap must treat as ordinary pages (validation, auth, limits) rather than stop on. 5xx is never here. */
const ORDINARY_CODES = '400,401,403,404,409,410,413,414,415,422,429';

export interface TSqlmapRequest {
  url: string;
  method: string;
  body?: string;
  cookie?: string;
  csrfToken?: string;
  /** More headers, e.g. one with a `*` injection mark. */
  headers?: string[];
  /** Test only this parameter (-p). */
  only?: string;
  level: 2 | 3;
}

export interface TSqlmapResult {
  findings: string[];
  notes: string[];
  /** `PLACE name` of each parameter sqlmap tested. */
  tested: string[];
  incomplete?: string;
  seconds: number;
  logFile: string;
}

/** One target's limit; the scan's overall deadline may cut it shorter. */
export const SQLMAP_TIME_LIMIT_SECONDS = 240;

export function sqlmapArgs(request: TSqlmapRequest, outputDir: string): string[] {
  const args = [
    '-u',
    request.url,
    '--method',
    request.method,
    '--batch',
    '--level',
    String(request.level),
    '--risk',
    '1',
    // Time-based tests (T) cost nothing unless a payload works: --time-sec bounds them if one does.
    '--technique',
    'BEUST',
    '--time-sec',
    '2',
    '--timeout',
    '15',
    '--retries',
    '1',
    '--threads',
    '1',
    // Sessions are ours to give: a cookie the server sets (the login's) must not replace them.
    '--drop-set-cookie',
    '--flush-session',
    '--output-dir',
    outputDir,
    '--ignore-code',
    ORDINARY_CODES,
    '--skip-waf',
    '--disable-coloring',
    '-v',
    '1',
  ];
  if (request.body !== undefined) args.push('--data', request.body, '-H', 'Content-Type: application/json');
  if (request.cookie) args.push('--cookie', request.cookie);
  if (request.csrfToken) args.push('-H', `x-csrf-token: ${request.csrfToken}`);
  for (const header of request.headers ?? []) args.push('-H', header);
  if (request.only) args.push('-p', request.only);
  return args;
}

export async function runSqlmap(
  sqlmap: string,
  request: TSqlmapRequest,
  outputDir: string,
  env: NodeJS.ProcessEnv,
  limitSeconds: number,
): Promise<TSqlmapResult> {
  const logFile = join(outputDir, 'sqlmap-output.txt');
  const run = await runTool(sqlmap, sqlmapArgs(request, outputDir), { env, timeoutSeconds: limitSeconds, logFile });
  const out = run.output;
  const findings = [
    ...matches(out, /^.*(?:identified the following injection point|resumed the following injection point).*$/gm),
    ...matches(out, /^.*parameter '[^']*' (?:is vulnerable|appears to be '.*' injectable).*$/gm),
    // A DBMS error message in an answer: SQL text reaches the client even if no injection is proven.
    ...matches(out, /^.*heuristic \(basic\) test shows that .* might be injectable \(possible DBMS.*$/gm),
    ...matches(out, /^.*heuristic \(FI\) test shows that .* might be vulnerable.*$/gm),
    ...csvFindings(outputDir),
    ...hostLogFindings(outputDir),
  ];
  const tested = [...new Set(matches(out, /testing for SQL injection on (.*?parameter '[^']*')/g, 1))].map((p) => p.replace('(custom) ', ''));
  // Without a DBMS error the heuristic only compared pages ("9097-9096" against "1" for a number);
  // at the low match ratio sqlmap sets for a parameter whose every value changes the page, Portico's
  // 400 can pass for the original. The full tests of the same parameter that follow are the verdict.
  const notes = matches(out, /^.*heuristic \(basic\) test shows that (.*) might be injectable$/gm, 1).map(
    (p) => `sqlmap's quick heuristic (page comparison, no DBMS error) flagged ${p.replace('(custom) ', '')}; its full tests of it found nothing`,
  );
  let incomplete: string | undefined;
  if (run.timedOut) incomplete = `stopped at its ${Math.round(limitSeconds)} s limit`;
  else if (findings.length === 0 && !/all tested parameters do not appear to be injectable/.test(out)) {
    incomplete = `sqlmap ended without its verdict (exit ${String(run.code)}): ${
      matches(out, /^.*\[(?:CRITICAL|ERROR)\].*$/gm)
        .slice(0, 2)
        .join(' | ') || 'see its output'
    }`;
  } else if (tested.length === 0) incomplete = 'no parameter was tested';
  return { findings: [...new Set(findings)], notes, tested, incomplete, seconds: run.seconds, logFile };
}

function matches(text: string, pattern: RegExp, group = 0): string[] {
  return [...text.matchAll(pattern)].map((m) => (m[group] ?? '').trim());
}

/** Rows of the results-*.csv sqlmap writes in its output folder (a header line when clean). */
function csvFindings(outputDir: string): string[] {
  return readdirSync(outputDir)
    .filter((f) => /^results-.*\.csv$/.test(f))
    .flatMap((f) =>
      readFileSync(join(outputDir, f), 'utf8')
        .split('\n')
        .slice(1)
        .filter((l) => l.trim() !== ''),
    )
    .map((row) => `results CSV: ${row}`);
}

/** <output>/<host>/log holds the injection points sqlmap found; empty when none. */
function hostLogFindings(outputDir: string): string[] {
  return readdirSync(outputDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      try {
        const log = readFileSync(join(outputDir, d.name, 'log'), 'utf8').trim();
        return log ? [`${d.name}/log: ${log.split('\n').slice(0, 6).join(' ')}`] : [];
      } catch {
        return [];
      }
    });
}
