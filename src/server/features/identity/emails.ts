// The e-mails of self-service, worded after seed 003, each in text and HTML, each ending with
// the Producer Services numbers (BK-7).
import type { TEmail } from '../../platform/outbox/enqueue.ts';
import { producerServicesHtml, producerServicesText } from '../../platform/outbox/producer-services-fragment.ts';
import { escapeHtml } from '../../platform/outbox/html.ts';
import { PASSWORD_PROFILES } from '../../../shared/password-profiles.ts';
import type { TPortal } from '../portals/portals.service.ts';

/** A paragraph is a string, or a list of items; text and HTML are made from the same parts. */
type TPart = string | { list: string[] } | { html: string; text: string };

function compose({ kind, to, subject, portal, parts }: { kind: string; to: string; subject: string; portal: TPortal; parts: TPart[] }): TEmail {
  const closing: TPart[] = [`Thank you,\n${portal.name} Customer Service`];
  const all = [...parts, ...closing];
  const text = [
    ...all.map((p) => (typeof p === 'string' ? p : 'list' in p ? p.list.map((item, i) => `${i + 1}. ${item}`).join('\n') : p.text)),
    producerServicesText(),
  ].join('\n\n');
  const html = [
    ...all.map((p) =>
      typeof p === 'string'
        ? `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`
        : 'list' in p
          ? `<ol>${p.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`
          : p.html,
    ),
    producerServicesHtml(),
  ].join('\n');
  return { kind, to, subject, text, html: `<!doctype html><html><body>${html}</body></html>` };
}

function greeting(portal: TPortal, request: string): string {
  return `Hello! We recently received a request to ${request} for ${portal.name} – if you did not request, please call us at the number below.`;
}

export function forgotUsernameEmail(portal: TPortal, to: string, usernames: string[]): TEmail {
  const names = usernames.join(', ');
  return compose({
    kind: 'forgot_username',
    to,
    subject: `${portal.name} User Name Request`,
    portal,
    parts: [
      greeting(portal, 'provide your User Name'),
      'Important: please close your web browser and clear your history and cache before you re-attempt to log in!',
      {
        text: `User Name(s) linked to your email address: ${names}. You can return to ${portal.name} now and enter your User Name and password on the Login page.`,
        html: `<p>User Name(s) linked to your email address: <strong>${escapeHtml(names)}</strong>. You can return to ${escapeHtml(portal.name)} now and enter your User Name and password on the Login page.</p>`,
      },
    ],
  });
}

export function passwordResetEmail(
  portal: TPortal,
  { to, temporaryPassword, validHours }: { to: string; temporaryPassword: string; validHours: number },
): TEmail {
  return compose({
    kind: 'password_reset',
    to,
    subject: `${portal.name} Password Reset`,
    portal,
    parts: [
      greeting(portal, 'reset your password'),
      'Important: please close your web browser and clear your history and cache before you begin these steps!',
      {
        text: `Your temporary password (case-sensitive, valid for ${validHours} hours, usable once): ${temporaryPassword}`,
        html: `<p>Your temporary password (case-sensitive, valid for ${validHours} hours, usable once): <code>${escapeHtml(temporaryPassword)}</code></p>`,
      },
      {
        list: [
          'Enter your User Name and the temporary password above on the Login page.',
          'Click Account button in upper right corner, then Edit Profile',
          'Scroll to bottom of the page to Change Password.',
          'Use the temporary password as the "Current Password"',
          `Enter a New Password: ${PASSWORD_PROFILES[portal.policy.passwordProfile].description}`,
          'Confirm New Password by entering a second time.',
          'Click Update Password to finish.',
        ],
      },
    ],
  });
}

export function registrationEmail(
  portal: TPortal,
  { to, username, link, validHours }: { to: string; username: string; link: string; validHours: number },
): TEmail {
  return compose({
    kind: 'registration',
    to,
    subject: `${portal.name} Registration Confirmation`,
    portal,
    parts: [
      `Hello! Thank you for registering for ${portal.name} with the User Name ${username}. If you did not register, please call us at the number below.`,
      {
        text: `To finish your registration, open this link within ${validHours} hours:\n${link}`,
        html: `<p>To finish your registration, open this link within ${validHours} hours:</p><p><a href="${escapeHtml(link)}">Confirm my registration</a></p><p>${escapeHtml(link)}</p>`,
      },
      'After that, you can log in with your User Name and Password.',
    ],
  });
}

export function passwordChangedEmail(portal: TPortal, { to, username, when }: { to: string; username: string; when: Date }): TEmail {
  return compose({
    kind: 'password_changed',
    to,
    subject: `${portal.name} Password Changed`,
    portal,
    parts: [
      `Hello! The password of your ${portal.name} User Name ${username} was changed on ${when.toUTCString()}.`,
      'If you did not change it, please call us at the number below right away.',
    ],
  });
}
