// The warning sent before the lifecycle job disables an ID (LC-2); placeholders are filled in SQL.
import { producerServicesHtml, producerServicesText } from '../../platform/outbox/producer-services-fragment.ts';
import { escapeHtml } from '../../platform/outbox/html.ts';
import type { TPortal } from '../portals/portals.service.ts';
import type { TWarningTemplate } from './lifecycle.store.ts';

export function lifecycleWarningTemplate(portal: TPortal, publicUrl: string): TWarningTemplate {
  const days = portal.policy.disableAfterDays;
  const loginUrl = `${publicUrl}/${portal.id}/login`;
  const lines = [
    `Hello! Your ${portal.name} user ID {{username}} has not been used for some time.`,
    `To improve security, user IDs that have not logged in for more than ${days} days are disabled. Unless you log in before then, this ID will be disabled on {{date}}.`,
    `To keep it, simply log in: ${loginUrl}`,
    'If the ID has been disabled, contact your Primary Producer/Delegated Administrator or the Internet Help Desk at (888) 706-0583 to be reinstated.',
  ];
  const html = [
    ...lines.slice(0, 2).map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p>To keep it, simply <a href="${escapeHtml(loginUrl)}">log in</a>.</p>`,
    `<p>${escapeHtml(lines[3] ?? '')}</p>`,
  ];
  return {
    subject: `${portal.name}: your user ID will be disabled soon`,
    text: [...lines, producerServicesText()].join('\n\n'),
    html: `<!doctype html><html><body>${html.join('\n')}\n${producerServicesHtml()}</body></html>`,
  };
}
