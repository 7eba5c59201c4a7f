/** The greeting of a portal without a home of its own yet (producers and retail have theirs). */
export function PortalWelcome({ portalName }: { portalName: string }) {
  return <p className="lead">Welcome to {portalName}. More tools will appear here as they become available.</p>;
}
