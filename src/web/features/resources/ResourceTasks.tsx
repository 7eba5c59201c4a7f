import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TState } from '../../../shared/portals.ts';
import { paths } from '../../app/routes.ts';
import { fetchCourses, resourceKeys } from './resources-api.ts';

/**
 * The welcome page's "Download forms" and "Access training materials" lines (seed 003), for the
 * state the producer works in, with the courses still to complete.
 */
export function ResourceTasks({ state }: { state: TState }) {
  const query = { state };
  const courses = useQuery({ queryKey: resourceKeys.courses(query), queryFn: () => fetchCourses(query) });
  const open = courses.data?.filter((course) => course.completedAt === null).length;
  return (
    <>
      <li>
        <Link to={`${paths.forms('retail')}?state=${state}`}>Download forms</Link>
      </li>
      <li>
        <Link to={`${paths.training('retail')}?state=${state}`}>Access training materials</Link>
        {open === undefined ? null : ` (${open === 0 ? 'all courses completed' : `${open} ${open === 1 ? 'course' : 'courses'} to complete`})`}
      </li>
    </>
  );
}
