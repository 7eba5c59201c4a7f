// The e-mail a new sub-user receives (LC-5, LC-6), in the style of the self-service e-mails:
// text and HTML from the same parts, closing with the Producer Services numbers (BK-7).
import type { TEmail } from '../../platform/outbox/enqueue.ts';
import { escapeHtml } from '../../platform/outbox/html.ts';
import { producerServicesHtml, producerServicesText } from '../../platform/outbox/producer-services-fragment.ts';
import { PASSWORD_PROFILES } from '../../../shared/password-profiles.ts';
import type { TPortal } from '../portals/portals.service.ts';

export interface TNewUserEmailInput {
  portal: TPortal;
  to: string;
  username: string;
  temporaryPassword: string;
  validHours: number;
  /** Who set the account up, as the user knows them (their Primary Producer or administrator). */
  createdBy: string;
  loginUrl: string;
}

export function newUserEmail(input: TNewUserEmailInput): TEmail {
  const { portal } = input;
  const intro = `Hello! ${input.createdBy} has created a ${portal.name} user ID for you. If you were not expecting it, please call us at the number below.`;
  const credentials = `Your User Name: ${input.username}\nYour temporary password (case-sensitive, valid for ${input.validHours} hours, usable once): ${input.temporaryPassword}`;
  const steps = [
    `Go to the Login page: ${input.loginUrl}`,
    'Enter your User Name and the temporary password above.',
    'You will be asked to change the password before anything else: use the temporary password as the "Current Password".',
    `Enter a New Password: ${PASSWORD_PROFILES[portal.policy.passwordProfile].description}`,
    'Confirm New Password by entering a second time, then click Update Password.',
  ];
  const closing = `Thank you,\n${portal.name} Customer Service`;
  const text = [intro, credentials, steps.map((s, i) => `${i + 1}. ${s}`).join('\n'), closing, producerServicesText()].join('\n\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<p>Your User Name: <strong>${escapeHtml(input.username)}</strong><br>Your temporary password (case-sensitive, valid for ${input.validHours} hours, usable once): <code>${escapeHtml(input.temporaryPassword)}</code></p>`,
    `<ol>${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`,
    `<p>${escapeHtml(closing).replace(/\n/g, '<br>')}</p>`,
    producerServicesHtml(),
  ].join('\n');
  return { kind: 'user_created', to: input.to, subject: `${portal.name} User ID Created`, text, html: `<!doctype html><html><body>${html}</body></html>` };
}
