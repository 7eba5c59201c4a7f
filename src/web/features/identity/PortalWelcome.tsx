import type { TPortalId } from '../../../shared/portals.ts';

const RETAIL_TASKS = [
  'Check the status of your applications and current business',
  'Search for clients using preset quick or advanced searches',
  'Verify payment status',
  'Download forms',
  'Access training materials',
];

/** The portal's greeting; the retail text is the seed's own welcome panel. */
export function PortalWelcome({ portalId, portalName }: { portalId: TPortalId; portalName: string }) {
  if (portalId !== 'retail') {
    return <p className="lead">Welcome to {portalName}. More tools will appear here as they become available.</p>;
  }
  return (
    <>
      <p className="lead">Welcome to the {portalName}.</p>
      <p>This site provides 24-hour access to information and tools to help you better manage your business and service your clients.</p>
      <p>You can:</p>
      <ul>
        {RETAIL_TASKS.map((task) => (
          <li key={task}>{task}</li>
        ))}
      </ul>
    </>
  );
}
