import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { paths } from '../../app/routes.ts';
import type { TToolId } from '../../app/tools.ts';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { completeCourse, fetchCourse, resourceFileUrl, resourceKeys } from './resources-api.ts';
import { fileOf, lineOf, planYearOf, stateOf } from './resource-labels.ts';
import { courseStatus } from './TrainingPage.tsx';
import { ToolPage } from '../user-admin/ToolPage.tsx';

interface TCoursePageProps {
  tool: Extract<TToolId, 'retail-training' | 'producer-training'>;
  portalId: 'retail' | 'producers';
  courseId: string;
}

/** One course: what it covers, its material to open, and "Mark as complete" (the first date is kept). */
export function CoursePage({ tool, portalId, courseId }: TCoursePageProps) {
  return <ToolPage tool={tool}>{() => <Course portalId={portalId} courseId={courseId} />}</ToolPage>;
}

function Course({ portalId, courseId }: { portalId: 'retail' | 'producers'; courseId: string }) {
  const queryClient = useQueryClient();
  const course = useQuery({ queryKey: resourceKeys.course(courseId), queryFn: () => fetchCourse(courseId) });
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const complete = useMutation({
    mutationFn: () => completeCourse(courseId),
    onSuccess: (done) => {
      queryClient.setQueryData(resourceKeys.course(courseId), done);
      // The lists and the SEP affirmation's gate read completions too.
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      setAnnouncement(`${done.title}: ${courseStatus(done).toLowerCase()}.`);
    },
  });
  const data = course.data;
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Training Materials', to: paths.training(portalId) }]} current={data?.title ?? 'Course'} />
      <PageHeading>{data?.title ?? 'Course'}</PageHeading>
      <LiveStatus>{announcement}</LiveStatus>
      {course.error ? <ErrorAlert>{course.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          {data.description ? <p>{data.description}</p> : null}
          <dl className="profile-facts">
            <dt>State</dt>
            <dd>{stateOf(data)}</dd>
            <dt>Line of Business</dt>
            <dd>{lineOf(data)}</dd>
            <dt>Plan Year</dt>
            <dd>{planYearOf(data)}</dd>
            <dt>Your status</dt>
            <dd>{courseStatus(data)}</dd>
          </dl>
          <p>
            <a className="button" href={resourceFileUrl(data.id)} download>
              Download the course material
            </a>{' '}
            <span className="status-note-inline">({fileOf(data)})</span>
          </p>
          {data.completedAt ? null : (
            <>
              <p>Once you have studied the material, record that you completed the course.</p>
              {complete.error ? <ErrorAlert>{complete.error.message}</ErrorAlert> : null}
              <button type="button" className="button button-primary" disabled={complete.isPending} onClick={() => complete.mutate()}>
                {complete.isPending ? 'Saving…' : 'Mark as complete'}
              </button>
            </>
          )}
        </>
      ) : course.error ? null : (
        <p role="status" className="loading">
          Loading the course…
        </p>
      )}
    </>
  );
}
