import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { bookKeys, fetchCoverage } from './book-api.ts';
import { GroupFacts } from './GroupFacts.tsx';
import { PolicyCard } from './PolicyCard.tsx';

/** Issue 16 §3: the employer group's home shows its coverage, its producer of record and its premium payments. */
export function EmployerCoverage() {
  const coverage = useQuery({ queryKey: bookKeys.coverage, queryFn: fetchCoverage });
  const data = coverage.data;
  if (coverage.error) return <ErrorAlert>{coverage.error.message}</ErrorAlert>;
  if (!data) {
    return (
      <p role="status" className="loading">
        Loading your coverage…
      </p>
    );
  }
  const por = data.producerOfRecord;
  return (
    <section aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Your coverage</h2>
      <GroupFacts group={data}>
        <dt>Producer of record</dt>
        <dd>{por ? `${por.name}${por.agency ? `, ${por.agency}` : ''} (${por.agentId})` : 'None on file'}</dd>
      </GroupFacts>
      {data.policies.length === 0 ? (
        <p>No group policies are on file yet.</p>
      ) : (
        data.policies.map((policy) => <PolicyCard key={policy.policyNumber} policy={policy} />)
      )}
    </section>
  );
}
