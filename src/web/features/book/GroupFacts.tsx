import type { ReactNode } from 'react';
import type { TGroupDetail } from '../../../shared/book-schemas.ts';
import { LINE_OF_BUSINESS_LABELS } from '../../../shared/book.ts';
import { formatDay } from '../../ui/format.ts';

/** An employer group's facts: for its producer (Book of Business) and for the group itself (coverage). */
export function GroupFacts({ group, children }: { group: TGroupDetail; children?: ReactNode }) {
  return (
    <dl className="profile-facts">
      <dt>Group</dt>
      <dd>
        {group.name} ({group.accountNumber})
      </dd>
      <dt>State</dt>
      <dd>{group.state ?? '—'}</dd>
      <dt>Line of Business</dt>
      <dd>{group.lineOfBusiness ? LINE_OF_BUSINESS_LABELS[group.lineOfBusiness] : '—'}</dd>
      <dt>Effective</dt>
      <dd>{group.effectiveDate ? formatDay(group.effectiveDate) : '—'}</dd>
      <dt>Employees</dt>
      <dd>{group.employeeCount ?? '—'}</dd>
      {children}
    </dl>
  );
}
