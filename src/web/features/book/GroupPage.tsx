import { useQuery } from '@tanstack/react-query';
import { paths } from '../../app/routes.ts';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { bookKeys, fetchGroup } from './book-api.ts';
import { GroupFacts } from './GroupFacts.tsx';
import { PolicyCard } from './PolicyCard.tsx';
import type { TGroupDetail } from '../../../shared/book-schemas.ts';

/** An employer group of the producer ID's Book of Business: its facts, group policies and premium payments. */
export function GroupPage({ accountNumber }: { accountNumber: string }) {
  const group = useQuery({ queryKey: bookKeys.group(accountNumber), queryFn: () => fetchGroup(accountNumber) });
  const data = group.data;
  return (
    <SignedInPage portalId="producers" title={data?.name ?? 'Employer group'}>
      {() => (
        <>
          <Breadcrumbs
            trail={[
              { label: 'Home', to: paths.home('producers') },
              { label: 'Book of Business', to: paths.groupBook() },
            ]}
            current={data?.name ?? accountNumber}
          />
          {data ? (
            <GroupDetail group={data} />
          ) : group.error ? (
            <>
              <PageHeading>Employer group</PageHeading>
              <ErrorAlert>{group.error.message}</ErrorAlert>
            </>
          ) : (
            <p role="status" className="loading">
              Loading the group…
            </p>
          )}
        </>
      )}
    </SignedInPage>
  );
}

/** A group's heading, facts and group policies with their premium payments. */
export function GroupDetail({ group }: { group: TGroupDetail }) {
  return (
    <>
      <PageHeading>{group.name}</PageHeading>
      <GroupFacts group={group} />
      <section aria-labelledby="group-policies-heading">
        <h2 id="group-policies-heading">Group policies</h2>
        {group.policies.length === 0 ? (
          <p>This group has no policies on file.</p>
        ) : (
          group.policies.map((policy) => <PolicyCard key={policy.policyNumber} policy={policy} />)
        )}
      </section>
    </>
  );
}
