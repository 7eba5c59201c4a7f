// The closing block of Portico's e-mails (BK-7, seed 003): Producer Services numbers per state,
// the State Farm line and the no-reply note. Features append it to their message bodies.
import {
  PRODUCER_SERVICES_STATES,
  STATE_FARM_AGENTS_PHONE,
  producerServicesPhone,
  telHref,
  type TProducerServicesLine,
} from '../../../shared/producer-services.ts';
import { html } from './html.ts';

export const PRODUCER_SERVICES_INTRO =
  'If you have any questions regarding this notification, please contact Producer Services toll free at any of the following numbers:';
export const STATE_FARM_LINE = `State Farm agents - please call ${STATE_FARM_AGENTS_PHONE} for assistance.`;
export const NO_REPLY_NOTE = 'NOTE: Any replies to this mail will not be received.';

export interface TFragmentOptions {
  /** Which line of business's numbers to list; the seed's e-mails use Major Medical. */
  line?: TProducerServicesLine;
}

function numbers(line: TProducerServicesLine): { state: string; phone: string }[] {
  return PRODUCER_SERVICES_STATES.flatMap((state) => {
    const entry = producerServicesPhone(state, line);
    return entry ? [{ state, phone: entry.phone }] : [];
  });
}

/** Plain-text footer, lines separated by "\n", no trailing newline. */
export function producerServicesText(options: TFragmentOptions = {}): string {
  const list = numbers(options.line ?? 'major-medical').map((n) => `${n.state}: ${n.phone}`);
  return [PRODUCER_SERVICES_INTRO, ...list, '', STATE_FARM_LINE, '', NO_REPLY_NOTE].join('\n');
}

/** The same footer as escaped HTML (numbers are tel: links). */
export function producerServicesHtml(options: TFragmentOptions = {}): string {
  const items = numbers(options.line ?? 'major-medical').map((n) => html`<li>${n.state}: <a href="${telHref(n.phone)}">${n.phone}</a></li>`);
  return html`<p>${PRODUCER_SERVICES_INTRO}</p>
<ul>${items}</ul>
<p>State Farm agents - please call <a href="${telHref(STATE_FARM_AGENTS_PHONE)}">${STATE_FARM_AGENTS_PHONE}</a> for assistance.</p>
<p>${NO_REPLY_NOTE}</p>`.value;
}
