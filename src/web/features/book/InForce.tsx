import { Link } from 'react-router';
import type { TBookSummary } from '../../../shared/book-schemas.ts';
import { LINE_OF_BUSINESS_LABELS } from '../../../shared/book.ts';
import { formatCents } from '../../../shared/request-fields.ts';
import { useBookSource } from './book-source.ts';

/** BK-2's current business: policies in force by line, each line opening its clients. */
export function InForce({ rows }: { rows: TBookSummary['inForce'] }) {
  const source = useBookSource();
  return (
    <section aria-labelledby="in-force-heading">
      <h2 id="in-force-heading">Current business</h2>
      {rows.length === 0 ? (
        <p>{source.own ? 'You have' : 'The producer has'} no policies in force in this state.</p>
      ) : (
        <table className="data-table">
          <caption>Policies in force by line of business</caption>
          <thead>
            <tr>
              <th scope="col">Line of business</th>
              <th scope="col">Policies</th>
              <th scope="col">Monthly premium</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.lineOfBusiness}>
                <th scope="row">
                  <Link to={`${source.paths.clients()}?line=${row.lineOfBusiness}&status=active`}>{LINE_OF_BUSINESS_LABELS[row.lineOfBusiness]}</Link>
                </th>
                <td>{row.policies}</td>
                <td>{formatCents(row.monthlyPremiumCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
