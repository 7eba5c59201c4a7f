// How forms and courses describe whom they are for: a state or every state, a line or every line.
import { LINE_OF_BUSINESS_LABELS } from '../../../shared/book.ts';
import { APPOINTMENT_STATES, STATE_NAMES } from '../../../shared/portals.ts';
import type { TResource } from '../../../shared/resource-schemas.ts';
import type { TSelectOption } from '../../ui/SelectField.tsx';
import { formatFileSize } from '../../ui/format.ts';

export { LINE_OPTIONS } from '../book/client-filters.ts';
export const STATE_OPTIONS: readonly TSelectOption[] = APPOINTMENT_STATES.map((state) => ({ value: state, label: STATE_NAMES[state] }));

export const stateOf = (resource: Pick<TResource, 'state'>) => (resource.state ? STATE_NAMES[resource.state] : 'All states');
export const lineOf = (resource: Pick<TResource, 'line'>) => (resource.line ? LINE_OF_BUSINESS_LABELS[resource.line] : 'All lines');
export const planYearOf = (resource: Pick<TResource, 'planYear'>) => (resource.planYear === null ? '—' : String(resource.planYear));
/** "PDF, 120 KB", said with the download link. */
export const fileOf = (resource: Pick<TResource, 'sizeBytes'>) => `PDF, ${formatFileSize(resource.sizeBytes)}`;
