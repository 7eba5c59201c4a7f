import { useId, type ComponentType } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/routes.ts';
import { DashboardCommissions, DashboardReportLink, DashboardStatements } from '../commissions/DashboardCommissions.tsx';
import { PorAlerts } from '../commissions/PorAlerts.tsx';
import { DashboardForms } from '../resources/DashboardForms.tsx';

/** SR-1's four sections, each showing its feature (which says itself when there is nothing yet). */
interface TSection {
  title: string;
  content: ComponentType;
}

const SECTIONS: readonly TSection[] = [
  { title: 'COMMISSIONS', content: DashboardCommissions },
  { title: 'COMMISSION STATEMENTS', content: DashboardStatements },
  { title: 'PDFs & RELATED INFORMATION', content: DashboardForms },
  { title: 'INTERACTIVE COMMISSION REPORTING TOOL', content: DashboardReportLink },
];

function DashboardSection({ section }: { section: TSection }) {
  const titleId = useId();
  return (
    <section className="dashboard-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="dashboard-title">
        {section.title}
      </h2>
      <section.content />
    </section>
  );
}

/** SR-1: the producers portal's home below the account summary (name, company, producer ID). */
export function ProducerDashboard() {
  const servicesId = useId();
  return (
    <div className="producer-dashboard">
      <PorAlerts />
      <section className="dashboard-services" aria-labelledby={servicesId}>
        <h2 id={servicesId} className="visually-hidden">
          Producer Services
        </h2>
        <p className="dashboard-services-line">
          <Link to={paths.servicesHome()} className="button button-primary dashboard-services-link">
            Producer Services
          </Link>
        </p>
        <p>Request assistance (commission disputes, producer of record, EFT, contact and E&amp;O updates) and follow your open request tickets.</p>
      </section>
      <div className="dashboard-grid">
        {SECTIONS.map((section) => (
          <DashboardSection key={section.title} section={section} />
        ))}
      </div>
    </div>
  );
}
