import type { TSessionUser } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';

interface TFact {
  label: string;
  value: string;
}

/** Who is signed in, as each portal describes its users (SR-1 for producers). */
function factsOf(portalId: TPortalId, user: TSessionUser): TFact[] {
  switch (portalId) {
    case 'producers':
    case 'retail': {
      if (!user.producer) return [{ label: 'Role', value: user.roleLabel }];
      const idLabel = portalId === 'retail' ? 'Agent Unique ID' : 'Producer ID';
      return [
        ...(user.producer.company ? [{ label: 'Company', value: user.producer.company }] : []),
        { label: idLabel, value: user.producer.agentUniqueId },
        { label: 'Role', value: user.roleLabel },
      ];
    }
    case 'employers':
      return user.group
        ? [
            { label: 'Group', value: user.group.name },
            { label: 'Account Number', value: user.group.accountNumber },
            { label: 'Role', value: user.roleLabel },
          ]
        : [{ label: 'Role', value: user.roleLabel }];
    case 'staff':
      return [{ label: 'Role', value: user.roleLabel }];
  }
}

/** A banner under the page heading: the signed-in user's name and what they act for. */
export function AccountSummary({ portalId, user }: { portalId: TPortalId; user: TSessionUser }) {
  return (
    <section className="summary" aria-label="Your account">
      <p className="summary-name">{user.displayName}</p>
      <ul className="summary-facts">
        {factsOf(portalId, user).map((fact) => (
          <li key={fact.label}>
            <span className="summary-label">{fact.label}:</span> {fact.value}
          </li>
        ))}
      </ul>
    </section>
  );
}
