import { useQuery } from '@tanstack/react-query';
import { ZResourceQuery, type TResource } from '../../../shared/resource-schemas.ts';
import type { TToolId } from '../../app/tools.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { formatDate } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { fetchForms, resourceFileUrl, resourceKeys } from './resources-api.ts';
import { ResourceFilters } from './ResourceFilters.tsx';
import { fileOf, lineOf, planYearOf, stateOf } from './resource-labels.ts';

const COLUMNS: TColumn<TResource, never>[] = [
  {
    id: 'title',
    label: 'Form',
    rowHeader: true,
    render: (form) => (
      <>
        <a href={resourceFileUrl(form.id)} download>
          {form.title}
        </a>{' '}
        <span className="status-note-inline">({fileOf(form)})</span>
        {form.description ? <span className="status-note">{form.description}</span> : null}
      </>
    ),
  },
  { id: 'state', label: 'State', render: stateOf },
  { id: 'line', label: 'Line of Business', render: lineOf },
  { id: 'plan-year', label: 'Plan Year', render: planYearOf },
  { id: 'published', label: 'Published', render: (form) => formatDate(form.publishedAt) },
];

/** BK-6 "PDFs & related information": the forms the portal offers, to download, by state and line. */
export function FormsPage({ tool }: { tool: Extract<TToolId, 'retail-forms' | 'producer-forms'> }) {
  return (
    <ToolPage tool={tool}>
      {() => (
        <>
          <PageHeading>PDFs &amp; Related Information</PageHeading>
          <p>Forms and related documents from the carrier. A form marked for all states or all lines applies to every one.</p>
          <FormsLibrary />
        </>
      )}
    </ToolPage>
  );
}

function FormsLibrary() {
  const url = useUrlQuery(ZResourceQuery);
  const list = useQuery({ queryKey: resourceKeys.forms(url.query), queryFn: () => fetchForms(url.query) });
  return (
    <>
      <ResourceFilters label="Find forms" url={url} />
      {list.error ? <ErrorAlert>{list.error.message}</ErrorAlert> : null}
      {list.data ? (
        <DataTable caption="Forms" columns={COLUMNS} rows={list.data} rowKey={(form) => form.id} empty="No forms match." busy={list.isFetching} />
      ) : list.error ? null : (
        <p role="status" className="loading">
          Loading the forms…
        </p>
      )}
    </>
  );
}
