// What the server's PDFs (pdfkit) share: their bytes, collected while the document is written, and
// the carrier's blue header band on a Letter page.

/** The document's bytes once `doc.end()` is called; attach before drawing. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The carrier's band across the top of a portrait page, its name in white; the cursor ends below it. */
export function drawCarrierBand(doc: PDFKit.PDFDocument, { margin, width, carrier }: { margin: number; width: number; carrier: string }): void {
  doc.rect(margin, margin, width, 40).fill('#0b4f8a');
  doc
    .fillColor('#ffffff')
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(carrier, margin + 12, margin + 12);
  doc.fillColor('#000000').moveDown(2.2);
}
