// One request of Request Assistance (SR-2, SR-3): the seed's breadcrumb, "Request Assistance", the
// form under its own heading, the ticket number once it is filed, and the open tickets below.
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { Link } from 'react-router';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { requestTypeOf, type TRequestType, type TRequestTypeId } from '../../../shared/service-request-types.ts';
import { isApiError } from '../../api.ts';
import { paths } from '../../app/routes.ts';
import { canUseTool } from '../../app/tools.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { ExistingTicketsTable } from './ExistingTicketsTable.tsx';
import { BookTransferForm } from './forms/BookTransferForm.tsx';
import { CommissionDisputeForm } from './forms/CommissionDisputeForm.tsx';
import { ContactInfoForm } from './forms/ContactInfoForm.tsx';
import { EftForm } from './forms/EftForm.tsx';
import { EoCoverageForm } from './forms/EoCoverageForm.tsx';
import type { TRequestFormProps } from './forms/form-kit.tsx';
import { GroupPorForm } from './forms/GroupPorForm.tsx';
import { SepAffirmationForm } from './forms/SepAffirmationForm.tsx';
import { useRequestSettings } from './request-api.ts';

const FORMS: Record<Exclude<TRequestTypeId, 'password' | 'challenge-question'>, ComponentType<TRequestFormProps>> = {
  'commission-dispute': CommissionDisputeForm,
  'group-por': GroupPorForm,
  eft: EftForm,
  'contact-info': ContactInfoForm,
  'book-transfer': BookTransferForm,
  'eo-coverage': EoCoverageForm,
  'sep-affirmation': SepAffirmationForm,
};

/** Password and challenge question are changed on the profile page (ID-8, ID-9): no ticket. */
function ProfileRedirect({ type }: { type: TRequestType }) {
  const what = type.id === 'password' ? 'your Blue Access for Producers password' : 'your challenge question';
  const section = type.id === 'password' ? 'Change Password' : 'Challenge Question';
  const anchor = type.id === 'password' ? '#change-password' : '#challenge-question';
  return (
    <>
      <p>You can update {what} yourself at once, without a request ticket.</p>
      <p>
        Go to <Link to={`${paths.profile('producers')}${anchor}`}>{section} on Edit Profile</Link>.
      </p>
    </>
  );
}

/** The ticket number at once, in a live region, with the way to the ticket; it takes focus as the form empties. */
function Filed({ ticket }: { ticket: TTicketDetail | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ticket) ref.current?.focus();
  }, [ticket]);
  return (
    <div ref={ref} role="status" tabIndex={-1} className={ticket ? 'message message-info request-filed' : undefined}>
      {ticket ? (
        <>
          <p>Your request has been submitted. Ticket number {ticket.number}.</p>
          <p>
            <Link to={paths.ticket(ticket.number)}>View ticket {ticket.number}</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}

function TicketForm({ Form, session }: { Form: ComponentType<TRequestFormProps>; session: TSessionResponse }) {
  const settings = useRequestSettings();
  const [filed, setFiled] = useState<TTicketDetail | null>(null);
  // A new key after each filing remounts the form: empty fields, no files, no errors.
  const [formKey, setFormKey] = useState(0);
  if (settings.error) {
    return <ErrorAlert>{isApiError(settings.error) ? settings.error.message : 'The form could not be loaded. Please reload the page.'}</ErrorAlert>;
  }
  if (!settings.data) {
    return (
      <p role="status" className="loading">
        Loading the form…
      </p>
    );
  }
  const onFiled = (ticket: TTicketDetail) => {
    setFiled(ticket);
    setFormKey((key) => key + 1);
  };
  return (
    <>
      <Filed ticket={filed} />
      <Form key={formKey} settings={settings.data} session={session} onFiled={onFiled} />
    </>
  );
}

export function RequestFormPage({ requestType }: { requestType: TRequestTypeId }) {
  const type = requestTypeOf(requestType);
  return (
    <SignedInPage portalId="producers" title={type.title}>
      {(session) =>
        canUseTool('services-home', session.portal.id, session.user.role) ? (
          <div className="request-page">
            <Breadcrumbs
              trail={[
                { label: 'Home', to: paths.home('producers') },
                { label: 'Request Assistance', to: paths.requestAssistance() },
              ]}
              current={type.title}
            />
            <PageHeading>Request Assistance</PageHeading>
            <section className="panel request-panel" aria-labelledby="request-form-title">
              <h2 id="request-form-title" className="panel-title">
                {type.title}
              </h2>
              {type.id === 'password' || type.id === 'challenge-question' ? (
                <ProfileRedirect type={type} />
              ) : (
                <TicketForm key={type.id} Form={FORMS[type.id]} session={session} />
              )}
            </section>
            <ExistingTicketsTable />
          </div>
        ) : (
          <>
            <PageHeading>Page not found</PageHeading>
            <p>There is nothing at this address for your account.</p>
            <p>
              <Link to={paths.home('producers')}>Go to the home page</Link>
            </p>
          </>
        )
      }
    </SignedInPage>
  );
}
