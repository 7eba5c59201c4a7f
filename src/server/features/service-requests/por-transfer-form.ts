// The built-in Group Producer of Record Transfer Form (SR-3): a real one-page PDF to print, fill
// in and sign, made once per process with pdfkit's built-in Helvetica (staff may publish the
// carrier's own in its place: portal_documents).
import PDFDocument from 'pdfkit';
import { drawCarrierBand, pdfBytes } from '../../platform/pdf.ts';

export const POR_FORM_FILENAME = 'group-por-transfer-form.pdf';

const MARGIN = 54;
const WIDTH = 612 - 2 * MARGIN;

function render(): Promise<Buffer> {
  // A fixed date keeps the bytes the same from one start to the next (cacheable, comparable).
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    info: { Title: 'Group Producer of Record Transfer Form', Author: 'Blue Access for Producers', CreationDate: new Date('2026-01-01T00:00:00Z') },
  });
  const done = pdfBytes(doc);

  drawCarrierBand(doc, { margin: MARGIN, width: WIDTH, carrier: 'Blue Access for Producers' });
  doc.font('Helvetica-Bold').fontSize(18).text('Group Producer of Record Transfer Form', MARGIN, doc.y, { width: WIDTH, align: 'center' });
  doc.moveDown(0.6);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      'Use this form to name a new producer of record for an employer group. Complete every field, have it signed by the group and by the new producer, and upload it as the POR Documentation with your Group Producer of Record Change request.',
      { width: WIDTH },
    );

  section(doc, 'Employer group');
  line(doc, 'Group name');
  line(doc, 'Account number');
  checkboxes(doc, 'Line of business', ['Group Medical', 'Group Dental', 'Group Life']);

  section(doc, 'Current producer of record');
  line(doc, 'Producer name');
  line(doc, 'Agent Unique ID');

  section(doc, 'New producer of record');
  line(doc, 'Producer name');
  line(doc, 'Agent Unique ID');
  line(doc, 'Agency');

  section(doc, 'Signatures');
  doc
    .font('Helvetica')
    .fontSize(9)
    .text('The group appoints the new producer of record for the line(s) of business above, effective the date the carrier accepts it.', {
      width: WIDTH,
    });
  doc.moveDown(0.4);
  line(doc, 'Authorized group representative (signature)', 'Date');
  line(doc, 'Printed name and title');
  line(doc, 'New producer of record (signature)', 'Date');
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(12).text(title.toUpperCase(), MARGIN, doc.y, { width: WIDTH });
  doc
    .moveTo(MARGIN, doc.y + 2)
    .lineTo(MARGIN + WIDTH, doc.y + 2)
    .lineWidth(1)
    .stroke();
  doc.moveDown(0.6);
}

/** A labelled blank to write on; with `second`, a short second blank (a date) on the right. */
function line(doc: PDFKit.PDFDocument, label: string, second?: string): void {
  const y = doc.y + 14;
  const end = second ? MARGIN + WIDTH - 150 : MARGIN + WIDTH;
  doc.moveTo(MARGIN, y).lineTo(end, y).lineWidth(0.5).stroke();
  if (second)
    doc
      .moveTo(end + 20, y)
      .lineTo(MARGIN + WIDTH, y)
      .stroke();
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(label, MARGIN, y + 3);
  if (second) doc.text(second, end + 20, y + 3);
  doc.x = MARGIN;
  doc.moveDown(0.8);
}

function checkboxes(doc: PDFKit.PDFDocument, label: string, options: string[]): void {
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(label, MARGIN, doc.y + 4);
  const y = doc.y + 4;
  options.forEach((option, index) => {
    const x = MARGIN + index * 140;
    doc.rect(x, y, 10, 10).lineWidth(0.5).stroke();
    doc.fontSize(10).text(option, x + 16, y, { lineBreak: false });
  });
  doc.x = MARGIN;
  doc.y = y + 16;
}

let cached: Promise<Buffer> | undefined;

/** The form's bytes, rendered on first use and kept. */
export function builtInPorTransferForm(): Promise<Buffer> {
  cached ??= render();
  return cached;
}
