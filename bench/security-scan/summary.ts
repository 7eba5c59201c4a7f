// The scan's verdict: per tool and target what was scanned, with how many requests (from the
// server's own log), what was found, and the evidence files. Findings → exit 1; otherwise any
// part that could not be trusted → exit 2; else 0.
import type { TServerError } from './server.ts';
import type { TOutcome } from './sweep.ts';

export interface TSummaryInput {
  outcomes: TOutcome[];
  cookieProblems: string[];
  crashed: string | undefined;
  serverErrors: TServerError[];
  notScanned: Readonly<Record<string, string>>;
  tools: string;
  isolated: boolean;
  reports: string;
  seconds: number;
}

export function summarize(input: TSummaryInput): { report: string; exitCode: number } {
  const lines: string[] = [
    '',
    `Portico security scan — ${input.tools}; network: ${input.isolated ? 'private namespace, loopback only' : 'host (127.0.0.1 only by configuration)'}`,
  ];
  for (const tool of ['wapiti', 'sqlmap'] as const) {
    const outcomes = input.outcomes.filter((o) => o.tool === tool);
    lines.push('', `${tool}: ${outcomes.length} runs, ${outcomes.reduce((n, o) => n + o.findings.length, 0)} findings`);
    for (const o of outcomes) {
      const verdict = o.findings.length > 0 ? `${o.findings.length} FINDING(S)` : o.incomplete ? 'INCOMPLETE' : 'no findings';
      lines.push(`  ${o.name.padEnd(21)} ${verdict.padEnd(13)} ${String(Math.round(o.seconds)).padStart(4)} s  ${formatStatuses(o.requests)}`);
      lines.push(`      ${o.what}`);
      for (const f of o.findings) lines.push(`      finding: ${f}`);
      if (o.incomplete) lines.push(`      incomplete: ${o.incomplete}`);
      for (const a of o.accepted) lines.push(`      set aside: ${a}`);
      for (const n of o.notes) lines.push(`      note: ${n}`);
      lines.push(`      evidence: ${o.evidence}`);
    }
  }
  const serverFindings = [
    ...input.cookieProblems,
    ...(input.crashed ? [`the server stopped during the scan: ${input.crashed}`] : []),
    ...input.serverErrors.map((e) => `server answered ${e.status} to ${e.method} ${e.url} (${e.phase}): ${e.error}`),
  ];
  lines.push(
    '',
    `server: ${serverFindings.length === 0 ? 'session cookie HttpOnly, Secure, SameSite; no 5xx answer, no crash' : `${serverFindings.length} FINDING(S)`}`,
  );
  for (const f of serverFindings.slice(0, 30)) lines.push(`  finding: ${f}`);
  lines.push('', 'not scanned:');
  for (const [operation, reason] of Object.entries(input.notScanned)) lines.push(`  ${operation} — ${reason}`);
  const findings = input.outcomes.reduce((n, o) => n + o.findings.length, 0) + serverFindings.length;
  const incomplete = input.outcomes.filter((o) => o.incomplete && o.findings.length === 0).length;
  const exitCode = findings > 0 ? 1 : incomplete > 0 ? 2 : 0;
  lines.push(
    '',
    `reports: ${input.reports}`,
    `result: ${findings} finding(s), ${incomplete} incomplete run(s), ${formatDuration(input.seconds)} → exit ${exitCode}`,
  );
  return { report: lines.join('\n'), exitCode };
}

/** "1,234 requests: 200×12 400×1,100 …" from the server's request log. */
function formatStatuses(statuses: Map<number, number>): string {
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const parts = [...statuses].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status}×${n.toLocaleString('en-US')}`);
  return `${total.toLocaleString('en-US')} requests${parts.length ? `: ${parts.join(' ')}` : ''}`;
}

function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
