import { PageHeading } from '../ui/PageHeading.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { PublicLayout } from './PublicLayout.tsx';
import { Link } from 'react-router';
import { paths } from './routes.ts';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <PublicLayout>
      <PageHeading>Page not found</PageHeading>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to={paths.landing()}>Go to the Portico home page</Link>
      </p>
    </PublicLayout>
  );
}
