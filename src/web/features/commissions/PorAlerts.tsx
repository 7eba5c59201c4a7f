import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { commissionKeys, fetchPorAlerts } from './commissions-api.ts';

/**
 * Producer of record at risk (issue 17 §3), on the dashboard: shown only when something could take
 * (or took) a group or policy from the producer. A failure stays quiet here: the alerts are extra.
 */
export function PorAlerts() {
  const id = useId();
  const alerts = useQuery({ queryKey: commissionKeys.porAlerts, queryFn: fetchPorAlerts });
  const items = alerts.data?.alerts ?? [];
  if (items.length === 0) return null;
  return (
    <section className="message message-error" aria-labelledby={id}>
      <h2 id={id} className="dashboard-title">
        Producer of record at risk
      </h2>
      <ul>
        {items.map((alert) => (
          <li key={`${alert.kind}-${alert.accountNumber ?? ''}-${alert.since}`}>{alert.detail}</li>
        ))}
      </ul>
    </section>
  );
}
