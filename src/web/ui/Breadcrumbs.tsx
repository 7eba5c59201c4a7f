import { Link } from 'react-router';

export interface TCrumb {
  label: string;
  to: string;
}

/**
 * The seed's trail above a Producer Services page ("Home > Request Assistance"): the pages above
 * as links, the current page last and marked as such for screen readers.
 */
export function Breadcrumbs({ trail, current }: { trail: readonly TCrumb[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
