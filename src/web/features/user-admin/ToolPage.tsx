import type { ReactNode } from 'react';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import { Link } from 'react-router';
import { paths } from '../../app/routes.ts';
import { canUseTool, toolById, type TToolId } from '../../app/tools.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SignedInPage } from '../identity/SignedInPage.tsx';

interface TToolPageProps {
  tool: TToolId;
  children: (session: TSessionResponse) => ReactNode;
}

/**
 * A signed-in administration page. Users whose role does not have the tool get "Page not
 * found", the same answer as for an address that does not exist (the server refuses them too).
 */
export function ToolPage({ tool, children }: TToolPageProps) {
  const { portalId, label } = toolById(tool);
  return (
    <SignedInPage portalId={portalId} title={label}>
      {(session) =>
        canUseTool(tool, session.portal.id, session.user.role) ? (
          children(session)
        ) : (
          <>
            <PageHeading>Page not found</PageHeading>
            <p>There is nothing at this address for your account.</p>
            <p>
              <Link to={paths.home(portalId)}>Go to the home page</Link>
            </p>
          </>
        )
      }
    </SignedInPage>
  );
}
