import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { QUICK_SEARCH_LABELS } from '../../../shared/book-schemas.ts';
import { STATE_NAMES } from '../../../shared/portals.ts';
import { paths } from '../../app/routes.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { bookKeys, fetchBookSummary, needsState } from './book-api.ts';
import { ProducerServicesHelp } from '../help/ProducerServicesTable.tsx';
import { StateChoice } from './ChooseStatePage.tsx';
import { InForce } from './InForce.tsx';
import { ResourceTasks } from '../resources/ResourceTasks.tsx';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const clients = (quick?: string) => `${paths.bookClients()}${quick ? `?quick=${quick}` : ''}`;

/**
 * The seed's welcome panel of the Retail Producer Portal, each "You can:" line a way in: counts
 * where they help, past-due and grace premiums called out, and the in-force business by line.
 */
export function RetailWelcome({ portalName }: { portalName: string }) {
  const summary = useQuery({ queryKey: bookKeys.summary(), queryFn: () => fetchBookSummary() });
  // BK-1: right after login the home page asks for the state (the other book pages send to the state page).
  const choosing = needsState(summary.error);
  const data = summary.data;
  return (
    <>
      <p className="lead">Welcome to the {portalName}.</p>
      <p>This site provides 24-hour access to information and tools to help you better manage your business and service your clients.</p>
      {choosing ? (
        <section aria-labelledby="choose-state-heading">
          <h2 id="choose-state-heading">Choose your state</h2>
          <StateChoice />
        </section>
      ) : summary.error ? (
        <ErrorAlert>{summary.error.message}</ErrorAlert>
      ) : null}
      {data ? (
        <>
          <p>
            You are working in <strong>{STATE_NAMES[data.state]}</strong>. <Link to={paths.bookState()}>Switch state</Link>
          </p>
          {data.counts.pastDue + data.counts.inGrace > 0 ? (
            <p className="message message-error">
              <Link to={clients('past-due')}>
                {plural(data.counts.pastDue, 'policy', 'policies')} past due and {data.counts.inGrace} in the grace period
              </Link>{' '}
              need your clients&apos; attention.
            </p>
          ) : null}
          <p>You can:</p>
          <ul className="welcome-tasks">
            <li>
              <Link to={paths.bookApplications()}>Check the status of your applications and current business</Link> (
              {plural(data.counts.pendingApplications, 'pending application')})
            </li>
            <li>
              <Link to={clients()}>Search for clients using preset quick or advanced searches</Link> ({QUICK_SEARCH_LABELS['renewing-soon'].toLowerCase()}:{' '}
              <Link to={clients('renewing-soon')}>{data.counts.renewingSoon}</Link>; {QUICK_SEARCH_LABELS['new-business'].toLowerCase()}:{' '}
              <Link to={clients('new-business')}>{data.counts.newBusiness}</Link>)
            </li>
            <li>
              <Link to={clients('past-due')}>Verify payment status</Link>
            </li>
            <ResourceTasks state={data.state} />
          </ul>
          <InForce rows={data.inForce} />
          {/* BK-7: the chosen state's numbers only. */}
          <ProducerServicesHelp states={[data.state]} />
        </>
      ) : summary.error ? null : (
        <p role="status" className="loading">
          Loading your book of business…
        </p>
      )}
    </>
  );
}
