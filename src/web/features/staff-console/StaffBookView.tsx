// One producer's book in the staff console (issue 16 §4), read-only: the producer, their retail
// book in a state named by the address, their producer ID's employer groups and their commissions
// (issue 17 §3, StaffCommissions.tsx). The lists and pages are the producers' own (features/book,
// features/commissions), given the staff source instead of the user's own book.
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { APPOINTMENT_STATES, STATE_NAMES, type TState } from '../../../shared/portals.ts';
import type { TStaffProducer } from '../../../shared/staff-book-schemas.ts';
import { paths, type TStaffBookView } from '../../app/routes.ts';
import { Breadcrumbs, type TCrumb } from '../../ui/Breadcrumbs.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Applications, CurrentBusiness } from '../book/ApplicationsPage.tsx';
import { bookKeys, fetchClient, fetchGroup } from '../book/book-api.ts';
import { BookSourceContext, staffBookSource, type TBookSource } from '../book/book-source.ts';
import { ClientDetail } from '../book/ClientPage.tsx';
import { ClientSearch } from '../book/ClientSearchPage.tsx';
import { GroupSearch } from '../book/GroupBookPage.tsx';
import { GroupDetail } from '../book/GroupPage.tsx';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { fetchProducer, staffBookKeys } from './staff-book-api.ts';
import { StaffCommissions } from './StaffCommissions.tsx';

interface TStaffBookViewProps {
  view: TStaffBookView;
  agentId: string;
  /** From the address: checked against the appointed states before anything is read. */
  state: string | undefined;
  /** The client id or account number of a client's or a group's page. */
  id: string | undefined;
}

const isState = (value: string | undefined): value is TState => APPOINTMENT_STATES.some((s) => s === value);

export function StaffBookView(props: TStaffBookViewProps) {
  return <ToolPage tool="staff-book">{() => <ProducerBook {...props} />}</ToolPage>;
}

function ProducerBook({ view, agentId, state, id = '' }: TStaffBookViewProps) {
  const producer = useQuery({ queryKey: staffBookKeys.producer(agentId), queryFn: () => fetchProducer(agentId) });
  const chosen = isState(state) ? state : undefined;
  const source = useMemo(() => staffBookSource(agentId, chosen), [agentId, chosen]);
  const p = producer.data;
  if (!p)
    return producer.error ? (
      <>
        <Breadcrumbs trail={[{ label: 'Book of Business', to: paths.staffBook() }]} current={agentId} />
        <PageHeading>Producer {agentId}</PageHeading>
        <ErrorAlert>{producer.error.message}</ErrorAlert>
      </>
    ) : (
      <p role="status" className="loading">
        Loading the producer…
      </p>
    );
  const name = `${p.firstName} ${p.lastName}`;
  const trail: TCrumb[] = [{ label: 'Book of Business', to: paths.staffBook() }];
  if (view === 'producer') return <ProducerOverview producer={p} trail={trail} />;
  trail.push({ label: name, to: paths.staffBookProducer(agentId) });
  if (view === 'commissions') return <StaffCommissions producer={p} trail={trail} />;
  if (view === 'groups' || view === 'group') {
    return (
      <BookSourceContext value={source}>
        {view === 'groups' ? (
          <>
            <Breadcrumbs trail={trail} current="Employer groups" />
            <PageHeading>Employer groups of {name}</PageHeading>
            <GroupSearch />
          </>
        ) : (
          <GroupView trail={[...trail, { label: 'Employer groups', to: paths.staffBookGroups(agentId) }]} accountNumber={id} source={source} />
        )}
      </BookSourceContext>
    );
  }
  if (!chosen || !p.states.includes(chosen))
    return (
      <>
        <Breadcrumbs trail={trail} current={state ?? ''} />
        <PageHeading>{name}</PageHeading>
        <ErrorAlert>
          {name} is not appointed in {state}. Choose one of their states on <Link to={paths.staffBookProducer(agentId)}>the producer&apos;s page</Link>.
        </ErrorAlert>
      </>
    );
  const where = STATE_NAMES[chosen];
  const clientsCrumb = { label: `Clients in ${where}`, to: paths.staffBookClients(agentId, chosen) };
  return (
    <BookSourceContext value={source}>
      {view === 'client' ? (
        <ClientView trail={[...trail, clientsCrumb]} clientId={id} source={source} />
      ) : view === 'applications' ? (
        <>
          <Breadcrumbs trail={trail} current={`Applications in ${where}`} />
          <PageHeading>
            Applications of {name} in {where}
          </PageHeading>
          <StateSwitch producer={p} state={chosen} to={(s) => paths.staffBookApplications(agentId, s)} />
          <Applications />
          <CurrentBusiness />
        </>
      ) : (
        <>
          <Breadcrumbs trail={trail} current={clientsCrumb.label} />
          <PageHeading>
            Clients of {name} in {where}
          </PageHeading>
          <StateSwitch producer={p} state={chosen} to={(s) => paths.staffBookClients(agentId, s)} />
          <p>
            <Link to={paths.staffBookApplications(agentId, chosen)}>Applications in {where}</Link>
          </p>
          <ClientSearch />
        </>
      )}
    </BookSourceContext>
  );
}

function ProducerOverview({ producer: p, trail }: { producer: TStaffProducer; trail: TCrumb[] }) {
  const name = `${p.firstName} ${p.lastName}`;
  return (
    <>
      <Breadcrumbs trail={trail} current={name} />
      <PageHeading>{name}</PageHeading>
      <dl className="profile-facts">
        <dt>Agent Unique ID</dt>
        <dd>{p.agentId}</dd>
        <dt>Agency</dt>
        <dd>{p.agency ?? '—'}</dd>
        <dt>Appointed in</dt>
        <dd>{p.states.length ? p.states.map((s) => STATE_NAMES[s]).join(', ') : 'No state'}</dd>
      </dl>
      <section aria-labelledby="retail-book-heading">
        <h2 id="retail-book-heading">Retail book by state</h2>
        {p.states.length === 0 ? (
          <p>The producer is appointed in no state, so there is no retail book to show.</p>
        ) : (
          <ul>
            {p.states.map((s) => (
              <li key={s}>
                {STATE_NAMES[s]}: <Link to={paths.staffBookClients(p.agentId, s)}>Clients in {STATE_NAMES[s]}</Link> ·{' '}
                <Link to={paths.staffBookApplications(p.agentId, s)}>Applications in {STATE_NAMES[s]}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="group-book-heading">
        <h2 id="group-book-heading">Employer groups</h2>
        <p>
          {p.groups === 0 ? (
            'The producer ID is producer of record for no employer group.'
          ) : (
            <Link to={paths.staffBookGroups(p.agentId)}>{p.groups === 1 ? 'The employer group' : `The ${p.groups} employer groups`} of this producer ID</Link>
          )}
        </p>
      </section>
      <section aria-labelledby="commissions-heading">
        <h2 id="commissions-heading">Commissions</h2>
        <p>
          <Link to={paths.staffBookCommissions(p.agentId)}>Commissions: owed versus paid</Link>, with the monthly statements.
        </p>
      </section>
    </>
  );
}

/** The producer's other states, for the same view: the choice lives in the address, not the session. */
function StateSwitch({ producer, state, to }: { producer: TStaffProducer; state: TState; to: (state: TState) => string }) {
  if (producer.states.length < 2) return null;
  return (
    <nav aria-label="States">
      <ul className="quick-searches">
        {producer.states.map((s) => (
          <li key={s}>
            <Link to={to(s)} aria-current={s === state ? 'page' : undefined}>
              {STATE_NAMES[s]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ClientView({ trail, clientId, source }: { trail: TCrumb[]; clientId: string; source: TBookSource }) {
  const client = useQuery({ queryKey: bookKeys.client(clientId, source), queryFn: () => fetchClient(clientId, source) });
  const data = client.data;
  return (
    <ItemPage
      trail={trail}
      current={data ? `${data.lastName}, ${data.firstName}` : clientId}
      error={client.error}
      heading="Client"
      loading="Loading the client…"
    >
      {data ? <ClientDetail client={data} /> : null}
    </ItemPage>
  );
}

function GroupView({ trail, accountNumber, source }: { trail: TCrumb[]; accountNumber: string; source: TBookSource }) {
  const group = useQuery({ queryKey: bookKeys.group(accountNumber, source), queryFn: () => fetchGroup(accountNumber, source) });
  const data = group.data;
  return (
    <ItemPage trail={trail} current={data?.name ?? accountNumber} error={group.error} heading="Employer group" loading="Loading the group…">
      {data ? <GroupDetail group={data} /> : null}
    </ItemPage>
  );
}

function ItemPage(props: { trail: TCrumb[]; current: string; error: Error | null; heading: string; loading: string; children: ReactNode }) {
  return (
    <>
      <Breadcrumbs trail={props.trail} current={props.current} />
      {props.children ??
        (props.error ? (
          <>
            <PageHeading>{props.heading}</PageHeading>
            <ErrorAlert>{props.error.message}</ErrorAlert>
          </>
        ) : (
          <p role="status" className="loading">
            {props.loading}
          </p>
        ))}
    </>
  );
}
