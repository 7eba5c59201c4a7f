import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '../../app/routes.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { fetchForms, resourceFileUrl, resourceKeys } from './resources-api.ts';
import { fileOf } from './resource-labels.ts';

const SHOWN = 5;

/** SR-1's PDFs & RELATED INFORMATION: the newest forms to download, and the whole library and training. */
export function DashboardForms() {
  const forms = useQuery({ queryKey: resourceKeys.forms({}), queryFn: () => fetchForms({}) });
  const newest = [...(forms.data ?? [])].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, SHOWN);
  return (
    <>
      {forms.error ? <ErrorAlert>{forms.error.message}</ErrorAlert> : null}
      {forms.data && newest.length === 0 ? (
        <p className="dashboard-empty">Forms and related documents will appear here once the carrier publishes them.</p>
      ) : null}
      {newest.length > 0 ? (
        <ul>
          {newest.map((form) => (
            <li key={form.id}>
              <a href={resourceFileUrl(form.id)} download>
                {form.title}
              </a>{' '}
              <span className="status-note-inline">({fileOf(form)})</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={paths.forms('producers')}>All forms</Link> · <Link to={paths.training('producers')}>Training materials</Link>
      </p>
    </>
  );
}
