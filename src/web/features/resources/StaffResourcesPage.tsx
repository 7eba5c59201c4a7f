import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import {
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  RESOURCE_PORTAL_LABELS,
  RESOURCE_PORTALS,
  ZPublishResource,
  ZStaffResourceQuery,
  type TPublishResourceInput,
  type TStaffResource,
} from '../../../shared/resource-schemas.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { FileUploadField } from '../../ui/FileUploadField.tsx';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatDate, formatFileSize } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { useZodForm } from '../../ui/useZodForm.ts';
import { fetchPortalSettings, staffConsoleKeys } from '../staff-console/staff-api.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { fetchStaffResources, publishResource, resourceKeys, retireResource, staffResourceFileUrl, uploadResourceFile } from './resources-api.ts';
import { LINE_OPTIONS, STATE_OPTIONS, fileOf, lineOf, planYearOf, stateOf } from './resource-labels.ts';

/** As the server grants it: every staff role reads; producer services and security publish and retire. */
const MANAGERS: readonly string[] = ['producer-services', 'security-admin'];

const KIND_OPTIONS = [
  { value: 'form', label: 'Forms' },
  { value: 'course', label: 'Training courses' },
];
const STATUS_OPTIONS = [
  { value: 'active', label: 'Offered' },
  { value: 'retired', label: 'Retired' },
  { value: 'all', label: 'Offered and retired' },
];

/** BK-6 in the staff console: every form and course, publishing a PDF and retiring a document. */
export function StaffResourcesPage() {
  return (
    <ToolPage tool="staff-resources">
      {(session) => (
        <>
          <PageHeading>Forms and Training</PageHeading>
          <p>
            The forms (PDFs &amp; related information) and training courses the producer portals offer. A plan year&apos;s SEP course is what a producer
            completes before filing the SEP Training Affirmation. Every change is recorded in the audit log.
          </p>
          <Library canManage={MANAGERS.includes(session.user.role)} />
          {MANAGERS.includes(session.user.role) ? <PublishForm /> : null}
        </>
      )}
    </ToolPage>
  );
}

function Library({ canManage }: { canManage: boolean }) {
  const prefix = useId();
  const { query, setQuery } = useUrlQuery(ZStaffResourceQuery);
  const list = useQuery({ queryKey: resourceKeys.staff(query), queryFn: () => fetchStaffResources(query) });
  const [retiring, setRetiring] = useState<TStaffResource | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const retire = useMutation({
    mutationFn: (resource: TStaffResource) => retireResource(resource.id),
    onSuccess: (resource) => {
      setRetiring(null);
      setAnnouncement(`${resource.title} is retired: producers no longer see it.`);
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
    },
  });
  const columns = useMemo(() => staffColumns(canManage ? setRetiring : undefined), [canManage]);
  return (
    <section aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>Published documents</h2>
      <div className="toolbar">
        <SelectField
          id={`${prefix}-kind`}
          label="Kind"
          placeholder="Forms and courses"
          options={KIND_OPTIONS}
          value={query.kind ?? ''}
          onChange={(event) => setQuery({ kind: event.target.value })}
        />
        <SelectField
          id={`${prefix}-status`}
          label="Status"
          placeholder="Offered"
          options={STATUS_OPTIONS.slice(1)}
          value={query.status === 'active' ? '' : query.status}
          onChange={(event) => setQuery({ status: event.target.value })}
        />
      </div>
      <LiveStatus>{announcement}</LiveStatus>
      {list.error ? <ErrorAlert>{list.error.message}</ErrorAlert> : null}
      {list.data ? (
        <DataTable
          caption="Forms and training courses"
          columns={columns}
          rows={list.data}
          rowKey={(r) => r.id}
          empty="Nothing is published with these filters."
          busy={list.isFetching}
        />
      ) : list.error ? null : (
        <p role="status" className="loading">
          Loading the documents…
        </p>
      )}
      {retiring ? (
        <ConfirmDialog
          title={`Retire ${retiring.title}?`}
          confirmLabel="Retire"
          destructive
          busy={retire.isPending}
          onConfirm={() => retire.mutate(retiring)}
          onCancel={() => setRetiring(null)}
        >
          <p>Producers will no longer see it. Completions already recorded stay on their records.</p>
          {retire.error ? <ErrorAlert>{retire.error.message}</ErrorAlert> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function staffColumns(onRetire: ((resource: TStaffResource) => void) | undefined): TColumn<TStaffResource, never>[] {
  return [
    {
      id: 'title',
      label: 'Title',
      rowHeader: true,
      render: (r) => (
        <>
          <a href={staffResourceFileUrl(r.id)} download>
            {r.title}
          </a>{' '}
          <span className="status-note-inline">({fileOf(r)})</span>
          {r.sepCourse ? (
            <>
              {' '}
              <span className="status status-other">SEP training</span>
            </>
          ) : null}
        </>
      ),
    },
    { id: 'kind', label: 'Kind', render: (r) => RESOURCE_KIND_LABELS[r.kind] },
    { id: 'portal', label: 'Portal', render: (r) => (r.portalId ? RESOURCE_PORTAL_LABELS[r.portalId] : 'Both portals') },
    { id: 'state', label: 'State', render: stateOf },
    { id: 'line', label: 'Line of Business', render: lineOf },
    { id: 'plan-year', label: 'Plan Year', render: planYearOf },
    { id: 'published', label: 'Published', render: (r) => `${formatDate(r.publishedAt)} by ${r.publishedBy}` },
    { id: 'completions', label: 'Completed by', render: (r) => (r.kind === 'course' ? `${r.completions} ${r.completions === 1 ? 'user' : 'users'}` : '—') },
    {
      id: 'status',
      label: 'Status',
      render: (r) =>
        r.retiredAt ? (
          `Retired ${formatDate(r.retiredAt)} by ${r.retiredBy ?? 'staff'}`
        ) : onRetire ? (
          <button type="button" className="button button-small button-danger" onClick={() => onRetire(r)} aria-label={`Retire ${r.title}`}>
            Retire
          </button>
        ) : (
          'Offered'
        ),
    },
  ];
}

const EMPTY: TPublishResourceInput = {
  kind: 'form',
  title: '',
  description: '',
  portalId: '',
  state: '',
  line: '',
  planYear: '',
  sepCourse: false,
  uploadId: '',
};
const ONE_KIND_OPTIONS = RESOURCE_KINDS.map((kind) => ({ value: kind, label: RESOURCE_KIND_LABELS[kind] }));
const PORTAL_OPTIONS = RESOURCE_PORTALS.map((portal) => ({ value: portal, label: RESOURCE_PORTAL_LABELS[portal] }));

/** Step one uploads the PDF as soon as it is chosen; Publish names it with its details. */
function PublishForm() {
  const prefix = useId();
  const field = (name: string) => `${prefix}-${name}`;
  const queryClient = useQueryClient();
  const form = useZodForm(ZPublishResource, EMPTY);
  const [fileKey, setFileKey] = useState(0);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  // The producers portal's settings, as the Portal Settings page caches them (a change there shows here).
  const limit = useQuery({
    queryKey: staffConsoleKeys.portalSettings('producers'),
    queryFn: () => fetchPortalSettings('producers'),
    select: (settings) => settings.policy.maxUploadBytes,
  });
  const fileInput = useRef<HTMLInputElement>(null);
  const focusTarget = useMemo(() => ({ focus: () => fileInput.current?.focus() }), []);
  const registration = form.register('uploadId');
  const maxBytes = limit.data ?? 10 * 1024 * 1024;

  const publish = form.submitWith(async (data) => {
    const published = await publishResource(data);
    form.reset(EMPTY);
    setFileKey((key) => key + 1);
    setAnnouncement(`${published.title} is published.`);
    await queryClient.invalidateQueries({ queryKey: resourceKeys.all });
  });

  return (
    <section aria-labelledby={field('heading')}>
      <h2 id={field('heading')}>Publish a form or course</h2>
      <LiveStatus>{announcement}</LiveStatus>
      <form className="form" noValidate onSubmit={publish}>
        {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
        <SelectField id={field('kind')} label="Kind" placeholder="Choose" options={ONE_KIND_OPTIONS} requiredMark required {...form.field('kind')} />
        <TextField id={field('title')} label="Title" maxLength={120} requiredMark required {...form.field('title')} />
        <TextAreaField id={field('description')} label="Description" rows={3} maxLength={1000} {...form.field('description')} />
        <SelectField id={field('portal')} label="Portal" placeholder="Both portals" options={PORTAL_OPTIONS} {...form.field('portalId')} />
        <SelectField id={field('state')} label="State" placeholder="All states" options={STATE_OPTIONS} {...form.field('state')} />
        <SelectField id={field('line')} label="Line of Business" placeholder="All lines" options={LINE_OPTIONS} {...form.field('line')} />
        <TextField
          id={field('plan-year')}
          label="Plan Year"
          inputMode="numeric"
          maxLength={4}
          hint="Required for the SEP training."
          {...form.field('planYear')}
        />
        <CheckboxField id={field('sep')} label="This course is the plan year's SEP training" {...form.field('sepCourse')} />
        <FileUploadField
          key={fileKey}
          id={field('file')}
          name="uploadId"
          label="PDF"
          required
          requiredMark
          accept=".pdf,application/pdf"
          hint={`A PDF of at most ${formatFileSize(maxBytes)}.`}
          upload={uploadResourceFile}
          maxBytes={maxBytes}
          maxFiles={1}
          error={form.formState.errors.uploadId?.message}
          onChange={(ids) => {
            form.setValue('uploadId', ids[0] ?? '', { shouldValidate: false });
            form.clearErrors('uploadId');
          }}
          ref={(element) => {
            fileInput.current = element;
            registration.ref(element ? focusTarget : null);
          }}
        />
        <div className="form-actions">
          <SubmitButton submitting={form.formState.isSubmitting} label="Publish" />
        </div>
      </form>
    </section>
  );
}
