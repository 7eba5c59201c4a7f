// npm run bench:commissions — the commission statement PDF (issue 17 §4): a 2,000-line statement
// drawn by the app's renderer (header row repeated on every page, totals, "Page X of Y"), next to
// pdfkit drawing the same rows alone (same font, size, positions and page breaks, nothing else),
// measured alternately in the same run after a warm-up. Goals: < 300 ms per PDF warm, and ≤ 1.5 ×
// the library alone. BENCH_ROUNDS rounds (default 20); the median and p95 of each are printed.
// When the environment names a seeded database (BENCH_DATABASE_URL, DATABASE_URL, BENCH_DATA_DIR or
// DATA_DIR), the reporting tool and owed versus paid are measured on it too (commission-report.ts).
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { renderStatementPdf, statementRowText } from '../src/server/features/commissions/statement-pdf.ts';
import { pdfBytes } from '../src/server/platform/pdf.ts';
import type { TStatementLine } from '../src/shared/commission-schemas.ts';
import { LINES_OF_BUSINESS } from '../src/shared/book.ts';
import { benchCommissionReport, seededDatabaseNamed } from './commission-report.ts';

const LINES = 2_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const GOAL_MS = 300;
const GOAL_RATIO = 1.5;

function statementLines(): TStatementLine[] {
  return Array.from({ length: LINES }, (_, i) => ({
    lineNumber: i + 1,
    accountNumber: `G-${100_000 + i}`,
    groupNumber: `${100_000 + (i % 300)}`,
    accountName: `Employer Group Number ${i % 300} Holdings`,
    originalEffectiveDate: '2024-01-01',
    producerEffectiveDate: '2024-07-01',
    cancelDate: i % 50 === 0 ? '2026-01-31' : null,
    productName: 'Blue Choice PPO Group',
    lineOfBusiness: LINES_OF_BUSINESS[i % LINES_OF_BUSINESS.length] ?? 'group-medical',
    fundingType: 'fully-insured',
    calculationMethod: 'percent-of-premium',
    contracts: 1 + (i % 40),
    premiumBasisCents: 1_234_500 + i,
    rate: '4.0000',
    splitPercent: '100.0000',
    transactionType: i % 97 === 0 ? 'chargeback' : 'renewal',
    amountCents: i % 97 === 0 ? -49_380 : 49_380 + i,
  }));
}

const lines = statementLines();
const document = {
  carrier: 'Blue Access for Producers',
  producer: { agentUniqueId: '000600501', name: 'Marcus Reyes', agency: 'Lone Star Benefits LLC' },
  period: '2026-11',
  totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
  byLine: [{ lineOfBusiness: 'group-medical' as const, totalCents: 1, lines: LINES }],
  byType: [{ transactionType: 'renewal' as const, totalCents: 1, lines: LINES }],
  lines,
};

/**
 * The same rows at the same places with pdfkit and nothing else: the row strings made beforehand,
 * Courier at the renderer's size, one text call a row and a new page when one is full; no header
 * rows, totals or page numbers.
 */
const rows = lines.map(statementRowText);
function libraryAlone(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', layout: 'landscape', margin: 28 });
  const done = pdfBytes(doc);
  doc.font('Courier').fontSize(5.5);
  let y = 100;
  for (const row of rows) {
    if (y + 10 > 612 - 44) {
      doc.addPage();
      y = 73;
    }
    doc.text(row, 28, y, { lineBreak: false });
    y += 10;
  }
  doc.end();
  return done;
}

async function timed(render: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const bytes = await render();
  return { ms: performance.now() - start, bytes: bytes.length };
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;

async function main(): Promise<void> {
  console.log(`bench:commissions: a ${LINES}-line statement PDF, ${ROUNDS} rounds each, ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(2)}`);
  for (let i = 0; i < 3; i++) {
    await renderStatementPdf(document);
    await libraryAlone();
  }
  const app: number[] = [];
  const alone: number[] = [];
  let sizes = { app: 0, alone: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const a = await timed(() => renderStatementPdf(document));
    const b = await timed(libraryAlone);
    app.push(a.ms);
    alone.push(b.ms);
    sizes = { app: a.bytes, alone: b.bytes };
  }
  const appMedian = quantile(app, 0.5);
  const aloneMedian = quantile(alone, 0.5);
  const ratio = appMedian / aloneMedian;
  console.log(`statement PDF (app):     median ${appMedian.toFixed(1)} ms, p95 ${quantile(app, 0.95).toFixed(1)} ms, ${(sizes.app / 1024).toFixed(0)} KB`);
  console.log(
    `pdfkit alone, same table: median ${aloneMedian.toFixed(1)} ms, p95 ${quantile(alone, 0.95).toFixed(1)} ms, ${(sizes.alone / 1024).toFixed(0)} KB`,
  );
  const metTime = quantile(app, 0.95) < GOAL_MS;
  const metRatio = ratio <= GOAL_RATIO;
  console.log(`ratio ${ratio.toFixed(2)} (goal ≤ ${GOAL_RATIO}): ${metRatio ? 'met' : 'NOT met'}; p95 < ${GOAL_MS} ms: ${metTime ? 'met' : 'NOT met'}`);
  let missed = metTime && metRatio ? 0 : 1;
  if (seededDatabaseNamed()) missed += await benchCommissionReport();
  else console.log('The reporting tool and owed versus paid need a seeded database: see bench/commission-report.ts.');
  process.exitCode = missed === 0 ? 0 : 1;
}

await main();
