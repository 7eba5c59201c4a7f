import { useId } from 'react';
import type { TPortalId } from '../../../shared/portals.ts';
import { Link } from 'react-router';
import { toolsFor } from '../../app/tools.ts';

/** The home page's way into the administration tools the user's role has (none for most users). */
export function ToolLinks({ portalId, role }: { portalId: TPortalId; role: string }) {
  const titleId = useId();
  // Producer Services is in the navigation and leads the producers' dashboard: it is no administration tool.
  const tools = toolsFor(portalId, role).filter((tool) => tool.id !== 'services-home');
  if (tools.length === 0) return null;
  return (
    <section className="tool-links" aria-labelledby={titleId}>
      <h2 id={titleId}>{portalId === 'staff' ? 'Staff tools' : 'User administration'}</h2>
      <ul className="tool-list">
        {tools.map((tool) => (
          <li key={tool.id} className="tool-card">
            <Link to={tool.to} className="tool-link">
              {tool.label}
            </Link>
            <p className="tool-description">{tool.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
