import { useId } from 'react';
import {
  PRODUCER_SERVICES_LINES,
  PRODUCER_SERVICES_LINE_LABELS,
  PRODUCER_SERVICES_STATES,
  producerServicesPhone,
  telHref,
} from '../../../shared/producer-services.ts';
import { STATE_NAMES, type TState } from '../../../shared/portals.ts';

/**
 * BK-7: Producer Services phone numbers, one row per line of business and one column per state;
 * `states` narrows it to those (a retail producer's chosen state).
 */
export function ProducerServicesTable({ states = PRODUCER_SERVICES_STATES }: { states?: readonly TState[] }) {
  const captionId = useId();
  return (
    // Focusable so keyboard users can scroll it on a narrow screen.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="phone-table">
        <caption id={captionId}>
          {states.length === 1
            ? `Producer Services phone numbers for ${STATE_NAMES[states[0] as TState]}`
            : 'Producer Services phone numbers by line of business and state'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line of business</th>
            {states.map((state) => (
              <th key={state} scope="col">
                {state}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PRODUCER_SERVICES_LINES.map((line) => (
            <tr key={line}>
              <th scope="row">{PRODUCER_SERVICES_LINE_LABELS[line]}</th>
              {states.map((state) => {
                const entry = producerServicesPhone(state, line);
                return (
                  <td key={state}>
                    {entry ? (
                      <>
                        <a href={telHref(entry.phone)} className="phone">
                          {entry.phone}
                        </a>
                        {entry.note ? <span className="phone-note"> {entry.note}</span> : null}
                      </>
                    ) : (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">No number listed</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The seed's line under the self-service forms, with the table (of these states, else every state). */
export function ProducerServicesHelp({ states }: { states?: readonly TState[] }) {
  return (
    <section className="assistance" aria-label="Assistance">
      <p>If you need assistance, please contact Producer Services at:</p>
      <ProducerServicesTable {...(states ? { states } : {})} />
    </section>
  );
}
