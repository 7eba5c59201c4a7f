import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ZResourceQuery, type TCourse } from '../../../shared/resource-schemas.ts';
import { paths } from '../../app/routes.ts';
import type { TToolId } from '../../app/tools.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { formatDate } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { fetchCourses, resourceKeys } from './resources-api.ts';
import { ResourceFilters } from './ResourceFilters.tsx';
import { lineOf, planYearOf, stateOf } from './resource-labels.ts';

type TTrainingTool = Extract<TToolId, 'retail-training' | 'producer-training'>;

export function courseStatus(course: Pick<TCourse, 'completedAt'>): string {
  return course.completedAt ? `Completed ${formatDate(course.completedAt)}` : 'Not completed';
}

function columns(portalId: 'retail' | 'producers'): TColumn<TCourse, never>[] {
  return [
    {
      id: 'title',
      label: 'Course',
      rowHeader: true,
      render: (course) => (
        <>
          <Link to={paths.course(portalId, course.id)}>{course.title}</Link>
          {course.sepCourse ? (
            <>
              {' '}
              <span className="status status-other">SEP training</span>
            </>
          ) : null}
        </>
      ),
    },
    { id: 'state', label: 'State', render: stateOf },
    { id: 'line', label: 'Line of Business', render: lineOf },
    { id: 'plan-year', label: 'Plan Year', render: planYearOf },
    { id: 'status', label: 'Your status', render: courseStatus },
  ];
}

/** BK-6: the training courses, each with the date the user completed it. */
export function TrainingPage({ tool, portalId }: { tool: TTrainingTool; portalId: 'retail' | 'producers' }) {
  return (
    <ToolPage tool={tool}>
      {() => (
        <>
          <PageHeading>Training Materials</PageHeading>
          <p>
            Open a course, study its material, then mark it complete: the date is kept on your record.
            {portalId === 'producers' ? " The SEP Training Affirmation (Producer Services) asks for the plan year's SEP course." : null}
          </p>
          <Courses portalId={portalId} />
        </>
      )}
    </ToolPage>
  );
}

function Courses({ portalId }: { portalId: 'retail' | 'producers' }) {
  const url = useUrlQuery(ZResourceQuery);
  const list = useQuery({ queryKey: resourceKeys.courses(url.query), queryFn: () => fetchCourses(url.query) });
  return (
    <>
      <ResourceFilters label="Find courses" url={url} />
      {list.error ? <ErrorAlert>{list.error.message}</ErrorAlert> : null}
      {list.data ? (
        <DataTable
          caption="Courses"
          columns={columns(portalId)}
          rows={list.data}
          rowKey={(course) => course.id}
          empty="No courses match."
          busy={list.isFetching}
        />
      ) : list.error ? null : (
        <p role="status" className="loading">
          Loading the courses…
        </p>
      )}
    </>
  );
}
