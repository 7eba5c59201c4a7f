// A producer's commissions in the staff console (issue 17 §3), read-only: the statement months and
// owed versus paid, the producer's own components given the staff source. Nothing to act on: no
// statement pages, downloads or Commission Disputes, which are the producer's.
import type { TStaffProducer } from '../../../shared/staff-book-schemas.ts';
import { Breadcrumbs, type TCrumb } from '../../ui/Breadcrumbs.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { staffCommissionSource } from '../commissions/commissions-api.ts';
import { Discrepancies } from '../commissions/Discrepancies.tsx';
import { Statements } from '../commissions/StatementsPage.tsx';

export function StaffCommissions({ producer, trail }: { producer: TStaffProducer; trail: TCrumb[] }) {
  const name = `${producer.firstName} ${producer.lastName}`;
  const source = staffCommissionSource(producer.agentId);
  return (
    <>
      <Breadcrumbs trail={trail} current="Commissions" />
      <PageHeading>Commissions of {name}</PageHeading>
      <p className="lead">
        {name}&apos;s monthly commission statements and owed versus paid, as the producer sees them. Nothing here can be changed; opening owed versus paid is
        recorded in the audit log.
      </p>
      <Statements source={source} />
      <Discrepancies source={source} />
    </>
  );
}
