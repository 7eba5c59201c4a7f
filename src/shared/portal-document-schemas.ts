// Documents a portal offers its users (SR-3: the producers' Group POR Transfer Form), which staff
// may replace with the carrier's own PDF and reset to the built-in one (docs/decisions/0019).
import { z } from 'zod';
import type { TPortalId } from './portals.ts';

export const PORTAL_DOCUMENT_NAMES = ['group-por-transfer-form'] as const;
export type TPortalDocumentName = (typeof PORTAL_DOCUMENT_NAMES)[number];

/** What each portal offers, in the order the staff console lists them; a portal not named offers none. */
export const PORTAL_DOCUMENTS: Partial<Record<TPortalId, readonly { name: TPortalDocumentName; title: string }[]>> = {
  producers: [{ name: 'group-por-transfer-form', title: 'Group POR Transfer Form' }],
};

export function portalDocumentsOf(portalId: string): readonly { name: TPortalDocumentName; title: string }[] {
  return Object.hasOwn(PORTAL_DOCUMENTS, portalId) ? (PORTAL_DOCUMENTS[portalId as TPortalId] ?? []) : [];
}

export const ZPortalDocument = z.object({
  name: z.enum(PORTAL_DOCUMENT_NAMES),
  title: z.string(),
  /** built-in: the form the application makes; published: a PDF staff uploaded in its place. */
  source: z.enum(['built-in', 'published']),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  updatedAt: z.string().nullable(),
  /** The staff member who published it (display name), null for the built-in form. */
  updatedBy: z.string().nullable(),
});
export type TPortalDocument = z.infer<typeof ZPortalDocument>;

/** Any string: an unknown portal or document is a 404 (like an address that does not exist), not a 400. */
export const ZPortalDocumentsParams = z.strictObject({ portalId: z.string().max(64) });
export const ZPortalDocumentParams = z.strictObject({ portalId: z.string().max(64), name: z.string().max(64) });
