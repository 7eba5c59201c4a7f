import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { measureEntryJavaScript, type TBundleChunk } from '../../build-tools/login-page-budget.ts';

function chunk(fileName: string, options: { isEntry?: boolean; imports?: string[]; bytes: number }): [string, TBundleChunk] {
  // Random hex: gzip cannot shrink it below half, so sizes are predictable.
  const code = randomBytes(options.bytes / 2).toString('hex');
  return [fileName, { type: 'chunk', fileName, isEntry: options.isEntry ?? false, imports: options.imports ?? [], code }];
}

describe('the login page budget', () => {
  it('counts the entry and what it imports statically, not the pages loaded on demand', () => {
    const chunks = new Map([
      chunk('index.js', { isEntry: true, imports: ['vendor.js'], bytes: 20_000 }),
      chunk('vendor.js', { imports: ['shared.js'], bytes: 20_000 }),
      chunk('shared.js', { bytes: 10_000 }),
      chunk('staff-page.js', { imports: ['shared.js'], bytes: 400_000 }),
    ]);
    const report = measureEntryJavaScript(chunks, 100 * 1024);
    expect(report.files).toEqual(['index.js', 'shared.js', 'vendor.js']);
    expect(report.gzipBytes).toBeGreaterThan(25_000);
    expect(report.gzipBytes).toBeLessThan(50_000);
    expect(report.withinBudget).toBe(true);
  });

  it('fails a bundle whose entry grows past the budget', () => {
    const chunks = new Map([chunk('index.js', { isEntry: true, imports: ['big.js'], bytes: 100_000 }), chunk('big.js', { bytes: 300_000 })]);
    expect(measureEntryJavaScript(chunks, 150 * 1024).withinBudget).toBe(false);
  });
});
