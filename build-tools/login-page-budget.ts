// A Vite plugin that fails the build when the JavaScript a visitor downloads to see a login page
// grows past its budget (issue 13: 150 KB gzip). The login page is part of the entry chunk; every
// signed-in page is loaded on demand (src/web/app/router.tsx), so the entry and the chunks it
// imports statically are exactly what the login page costs.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export const LOGIN_PAGE_BUDGET_BYTES = 150 * 1024;

/** The part of a Rollup output chunk this check reads. */
export interface TBundleChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: readonly string[];
  code: string;
}

export interface TBudgetReport {
  files: string[];
  gzipBytes: number;
  withinBudget: boolean;
}

/** The gzip size of the entry chunk and everything it imports statically, against the budget. */
export function measureEntryJavaScript(chunks: ReadonlyMap<string, TBundleChunk>, budgetBytes = LOGIN_PAGE_BUDGET_BYTES): TBudgetReport {
  const entries = [...chunks.values()].filter((chunk) => chunk.isEntry);
  const files = new Set<string>();
  const pending = entries.map((chunk) => chunk.fileName);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const chunk = chunks.get(name);
    if (!chunk || files.has(name)) continue;
    files.add(name);
    pending.push(...chunk.imports);
  }
  // Level 9, as a static server precompresses; the budget is about what crosses the wire.
  const gzipBytes = [...files].reduce((sum, name) => sum + gzipSync(chunks.get(name)?.code ?? '', { level: 9 }).length, 0);
  return { files: [...files].sort(), gzipBytes, withinBudget: gzipBytes <= budgetBytes };
}

export function loginPageBudget(budgetBytes = LOGIN_PAGE_BUDGET_BYTES): Plugin {
  return {
    name: 'portico-login-page-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, TBundleChunk>();
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunks.set(output.fileName, output);
      }
      const report = measureEntryJavaScript(chunks, budgetBytes);
      const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      const line = `login page JavaScript: ${kilobytes(report.gzipBytes)} gzip of ${kilobytes(budgetBytes)} (${report.files.join(', ')})`;
      if (!report.withinBudget) this.error(`${line}: over budget. Load the new code on demand (router.tsx lazy routes) instead.`);
      // Printed whatever the log level: the figure is the point of the check.
      process.stdout.write(`${line}\n`);
    },
  };
}
