// Demo forms and training (BK-6): a small library published by the demo's producer-services user,
// each a real PDF, and completions that show both sides of the SEP gate: Marcus Reyes has taken
// this year's SEP course (his demo ticket affirms it), Linda Kim has not (her form links to it).
import PDFDocument from 'pdfkit';
import { drawCarrierBand, pdfBytes } from '../../platform/pdf.ts';
import type { TResourceDetails } from '../../../shared/resource-schemas.ts';
import { ZPublishResource } from '../../../shared/resource-schemas.ts';
import { sepPlanYears } from '../../../shared/service-request-types.ts';
import type { TFileDeps } from '../../platform/deps.ts';
import type { TPolicyActor } from '../../platform/policy.ts';
import { completeCourse, type TResourceCaller } from '../resources/resources.service.ts';
import { publishResource, retireResource } from '../resources/staff-resources.service.ts';
import { storeDocument } from '../uploads/uploads.service.ts';

type TDocument = TResourceDetails & { body: string };

/** A one-page PDF with the carrier's header, the title and a paragraph: enough to open and read. */
function demoPdf(title: string, body: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 54, info: { Title: title, Author: 'Portico demo', CreationDate: new Date('2026-01-01T00:00:00Z') } });
  const done = pdfBytes(doc);
  drawCarrierBand(doc, { margin: 54, width: 504, carrier: 'Blue Access for Producers' });
  doc.font('Helvetica-Bold').fontSize(18).text(title, 54, doc.y, { width: 504 });
  doc.moveDown(0.8);
  doc.font('Helvetica').fontSize(11).text(body, { width: 504 });
  doc.end();
  return done;
}

function library(year: number): TDocument[] {
  const sep = sepPlanYears(new Date(Date.UTC(year, 11, 1))).map((planYear): TDocument => ({
    kind: 'course',
    title: `SEP Training ${planYear}`,
    description: `Special Enrollment Period eligibility for plan year ${planYear}: qualifying events, documentation and deadlines. Required before the SEP Training Affirmation.`,
    planYear,
    sepCourse: true,
    body: 'A Special Enrollment Period lets a consumer enroll outside open enrollment after a qualifying life event. Verify the event and its date before you submit.',
  }));
  return [
    {
      kind: 'form',
      title: 'Producer Appointment Request',
      description: 'Request an appointment in another state.',
      body: 'Complete and sign to request an appointment.',
    },
    { kind: 'form', title: 'Direct Deposit (EFT) Authorization', description: 'Commission payments by direct deposit.', body: 'Attach a voided check.' },
    {
      kind: 'form',
      title: 'Texas Medicare Supplement Application',
      portalId: 'retail',
      state: 'TX',
      line: 'medicare-supplement',
      planYear: year,
      body: 'Application for Medicare Supplement coverage in Texas.',
    },
    {
      kind: 'form',
      title: 'Illinois Medicare Supplement Application',
      portalId: 'retail',
      state: 'IL',
      line: 'medicare-supplement',
      planYear: year,
      body: 'Application for Medicare Supplement coverage in Illinois.',
    },
    {
      kind: 'form',
      title: 'Medicare Advantage Enrollment Form',
      portalId: 'retail',
      line: 'medicare-advantage',
      planYear: year,
      body: 'Individual enrollment request for a Medicare Advantage (MAPD) plan.',
    },
    {
      kind: 'form',
      title: 'Group Medical Employer Application',
      portalId: 'producers',
      line: 'group-medical',
      body: 'Employer application for group medical coverage.',
    },
    {
      kind: 'form',
      title: 'Group Dental Enrollment Form',
      portalId: 'producers',
      line: 'group-dental',
      body: 'Employee enrollment for group dental coverage.',
    },
    ...sep,
    {
      kind: 'course',
      title: 'Medicare Basics for Producers',
      description: 'Parts A, B, C and D, Medicare Supplement plans and the enrollment periods.',
      portalId: 'retail',
      line: 'medicare-advantage',
      body: 'Medicare has four parts. This course explains each and when a beneficiary may enroll.',
    },
    {
      kind: 'course',
      title: 'Group Benefits Compliance',
      description: 'ERISA, COBRA and the employer’s notices.',
      portalId: 'producers',
      line: 'group-medical',
      body: 'Employers with group health plans have duties under ERISA and COBRA. This course lists them.',
    },
  ];
}

/** Publishes the library as `publisher` (one retired form too), then the demo users' completions. */
export async function seedDemoResources(
  deps: TFileDeps,
  input: { publisher: TPolicyActor & { username: string }; completions: readonly [TResourceCaller, string][] },
) {
  const year = deps.clock.now().getUTCFullYear();
  const staff = { actor: input.publisher };
  const published = new Map<string, string>();
  const publish = async ({ body, ...document }: TDocument) => {
    const upload = await storeDocument(deps, { bytes: await demoPdf(document.title, body), name: `${document.title}.pdf`, userId: input.publisher.id });
    const resource = await publishResource(deps, staff, ZPublishResource.parse({ ...document, uploadId: upload.id }));
    published.set(resource.title, resource.id);
    return resource;
  };
  const old = await publish({ kind: 'form', title: `Producer Appointment Request (${year - 1})`, body: 'Replaced by this year’s form.' });
  await retireResource(deps, staff, old.id);
  for (const document of library(year)) await publish(document);
  for (const [caller, title] of input.completions) {
    const id = published.get(title.replace('{year}', String(year)));
    if (!id) throw new Error(`demo course ${title} is missing`);
    await completeCourse(deps, caller, id);
  }
}
