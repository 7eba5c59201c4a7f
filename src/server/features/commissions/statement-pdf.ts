// A commission statement as PDF (BK-5, issue 17 §2), drawn with pdfkit's built-in fonts: the
// carrier's header, the producer and the period, the lines as a table whose header row repeats on
// every page, the totals by line of business and by transaction type, and "Page X of Y" on each page.
// The lines are set in Courier, one text call a row with the columns padded to line up (as carriers'
// printed statements are), which keeps a 2,000-line statement fast (bench:commissions).
import PDFDocument from 'pdfkit';
import { pdfBytes } from '../../platform/pdf.ts';
import { LINE_OF_BUSINESS_LABELS, type TLineOfBusiness } from '../../../shared/book.ts';
import { COMMISSION_TRANSACTION_LABELS, type TCommissionTransactionType } from '../../../shared/commissions.ts';
import type { TStatementLine } from '../../../shared/commission-schemas.ts';
import { formatCents } from '../../../shared/request-fields.ts';

export interface TStatementDocument {
  carrier: string;
  producer: { agentUniqueId: string; name: string; agency: string | null };
  period: string;
  totalCents: number;
  byLine: readonly { lineOfBusiness: TLineOfBusiness; totalCents: number; lines: number }[];
  byType: readonly { transactionType: TCommissionTransactionType; totalCents: number; lines: number }[];
  /** Every line, in order: the PDF is the whole statement. */
  lines: Iterable<TStatementLine>;
}

const MARGIN = 28;
const PAGE = { width: 792, height: 612 }; // US Letter, landscape
const ROW = 10;
/** Courier, a monospace font: a row is one string whose columns line up by their character counts. */
const FONT_SIZE = 5.5;

interface TColumn {
  label: string;
  /** Characters, the space after it included. */
  chars: number;
  align?: 'right';
  cell: (line: TStatementLine) => string;
}

const day = (value: string | null) => value ?? '';
const METHOD: Record<TStatementLine['calculationMethod'], string> = { 'percent-of-premium': 'Pct of premium', 'per-contract': 'Per contract', flat: 'Flat' };
const FUNDING: Record<NonNullable<TStatementLine['fundingType']>, string> = {
  'fully-insured': 'Fully ins.',
  'level-funded': 'Level fund.',
  'self-funded': 'Self fund.',
};
const COLUMNS: readonly TColumn[] = [
  { label: 'Line', chars: 8, align: 'right', cell: (l) => String(l.lineNumber) },
  { label: 'Account/Policy', chars: 15, cell: (l) => l.accountNumber },
  { label: 'Group', chars: 9, cell: (l) => l.groupNumber ?? '' },
  { label: 'Group/Policy Name', chars: 23, cell: (l) => l.accountName },
  { label: 'Orig. Eff.', chars: 11, cell: (l) => day(l.originalEffectiveDate) },
  { label: 'Prod. Eff.', chars: 11, cell: (l) => day(l.producerEffectiveDate) },
  { label: 'Cancel', chars: 11, cell: (l) => day(l.cancelDate) },
  { label: 'Product', chars: 19, cell: (l) => l.productName },
  { label: 'Line of Business', chars: 18, cell: (l) => LINE_OF_BUSINESS_LABELS[l.lineOfBusiness] },
  { label: 'Funding', chars: 12, cell: (l) => (l.fundingType ? FUNDING[l.fundingType] : '') },
  { label: 'Method', chars: 15, cell: (l) => METHOD[l.calculationMethod] },
  { label: 'Contr.', chars: 7, align: 'right', cell: (l) => (l.contracts === null ? '' : String(l.contracts)) },
  { label: 'Premium Basis', chars: 16, align: 'right', cell: (l) => (l.premiumBasisCents === null ? '' : formatCents(l.premiumBasisCents)) },
  { label: 'Rate', chars: 9, align: 'right', cell: (l) => l.rate ?? '' },
  { label: 'Split %', chars: 9, align: 'right', cell: (l) => l.splitPercent },
  { label: 'Type', chars: 11, cell: (l) => l.transactionType },
  { label: 'Amount', chars: 16, align: 'right', cell: (l) => formatCents(l.amountCents) },
];
const TABLE_WIDTH = COLUMNS.reduce((sum, column) => sum + column.chars, 0) * FONT_SIZE * 0.6;

/** A row as one string: each cell cut to its column (a space kept after it) and padded to line up. */
function rowText(cells: readonly string[]): string {
  return COLUMNS.map((column, index) => {
    const room = column.chars - 1;
    const raw = cells[index] ?? '';
    const text = raw.length <= room ? raw : `${raw.slice(0, room - 1)}~`;
    return (column.align === 'right' ? text.padStart(room) : text.padEnd(room)) + ' ';
  }).join('');
}

/** A statement line as the PDF sets it (bench:commissions draws the same strings with pdfkit alone). */
export function statementRowText(line: TStatementLine): string {
  return rowText(COLUMNS.map((column) => column.cell(line)));
}

/** One text call a row, at a point, without pdfkit's line wrapper: most of a cell's cost is the call. */
function drawRow(doc: PDFKit.PDFDocument, y: number, cells: readonly string[]): void {
  doc.text(rowText(cells), MARGIN, y, { lineBreak: false });
}

function drawHeaderRow(doc: PDFKit.PDFDocument, y: number): number {
  doc.rect(MARGIN, y - 2, TABLE_WIDTH, ROW + 1).fill('#e5edf5');
  doc.fillColor('#000000').font('Courier-Bold').fontSize(FONT_SIZE);
  drawRow(
    doc,
    y,
    COLUMNS.map((column) => column.label),
  );
  doc.font('Courier');
  return y + ROW + 2;
}

function drawPageHeader(doc: PDFKit.PDFDocument, input: TStatementDocument): number {
  doc.rect(MARGIN, MARGIN, PAGE.width - 2 * MARGIN, 24).fill('#0b4f8a');
  doc
    .fillColor('#ffffff')
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(input.carrier, MARGIN + 8, MARGIN + 7, { lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`Commission Statement ${input.period}`, MARGIN, MARGIN + 8, { width: PAGE.width - 2 * MARGIN - 8, align: 'right' });
  doc.fillColor('#000000');
  return MARGIN + 32;
}

/** The whole statement as PDF bytes. */
export function renderStatementPdf(input: TStatementDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Commission Statement ${input.period}, ${input.producer.name}`, Author: input.carrier },
  });
  const done = pdfBytes(doc);

  let y = drawPageHeader(doc, input);
  doc.font('Helvetica-Bold').fontSize(11).text(`${input.producer.name} (Agent Unique ID ${input.producer.agentUniqueId})`, MARGIN, y);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`${input.producer.agency ?? ''}${input.producer.agency ? ' · ' : ''}Statement period ${input.period} · Total ${formatCents(input.totalCents)}`);
  y = drawHeaderRow(doc, doc.y + 8);
  const bottom = PAGE.height - MARGIN - 16;
  for (const line of input.lines) {
    if (y + ROW > bottom) {
      doc.addPage();
      y = drawHeaderRow(doc, drawPageHeader(doc, input));
    }
    drawRow(
      doc,
      y,
      COLUMNS.map((column) => column.cell(line)),
    );
    y += ROW;
  }
  drawTotals(doc, input, y + 10);
  numberPages(doc);
  doc.end();
  return done;
}

function drawTotals(doc: PDFKit.PDFDocument, input: TStatementDocument, top: number): void {
  const needed = 40 + 12 * (input.byLine.length + input.byType.length);
  if (top + needed > PAGE.height - MARGIN - 16) {
    doc.addPage();
    top = drawPageHeader(doc, input);
  }
  doc.font('Helvetica-Bold').fontSize(9).text('Totals by line of business', MARGIN, top);
  doc.font('Helvetica').fontSize(8);
  for (const row of input.byLine) doc.text(`${LINE_OF_BUSINESS_LABELS[row.lineOfBusiness]}: ${formatCents(row.totalCents)} (${row.lines} lines)`);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(9).text('Totals by transaction type');
  doc.font('Helvetica').fontSize(8);
  for (const row of input.byType) doc.text(`${COMMISSION_TRANSACTION_LABELS[row.transactionType]}: ${formatCents(row.totalCents)} (${row.lines} lines)`);
  doc
    .moveDown(0.5)
    .font('Helvetica-Bold')
    .fontSize(9)
    .text(`Statement total: ${formatCents(input.totalCents)}`);
}

function numberPages(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7)
      .text(`Page ${index - range.start + 1} of ${range.count}`, MARGIN, PAGE.height - MARGIN - 8, {
        width: PAGE.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
  }
}
