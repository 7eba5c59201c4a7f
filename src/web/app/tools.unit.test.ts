import { describe, expect, it } from 'vitest';
import { canUseTool, toolsFor } from './tools.ts';

describe('administration tools by role', () => {
  it('shows each tool only to the roles that have it', () => {
    expect(toolsFor('producers', 'primary-producer').map((t) => t.label)).toEqual([
      'Producer Services',
      'Book of Business',
      'Forms',
      'Training',
      'Commissions',
      'Commission Reporting',
      'Password Manager',
    ]);
    expect(toolsFor('producers', 'producer-user').map((t) => t.label)).toEqual([
      'Producer Services',
      'Book of Business',
      'Forms',
      'Training',
      'Commissions',
      'Commission Reporting',
    ]);
    expect(toolsFor('employers', 'delegated-admin').map((t) => t.label)).toEqual(['Security Manager']);
    expect(toolsFor('employers', 'alternate-delegated-admin').map((t) => t.label)).toEqual(['Security Manager']);
    expect(toolsFor('employers', 'employer-user')).toEqual([]);
    expect(toolsFor('retail', 'retail-producer').map((t) => t.id)).toEqual([
      'book-applications',
      'book-clients',
      'retail-forms',
      'retail-training',
      'retail-commissions',
      'retail-commission-report',
    ]);
    expect(toolsFor('staff', 'help-desk').map((t) => t.label)).toEqual([
      'User Search',
      'Service Requests',
      'Audit Log',
      'Lifecycle Report',
      'Portal Settings',
      'Data Feed',
      'Book of Business',
      'Forms and Training',
    ]);
    expect(toolsFor('staff', 'producer-services').map((t) => t.label)).toEqual([
      'User Search',
      'Service Requests',
      'Portal Settings',
      'Data Feed',
      'Book of Business',
      'Forms and Training',
    ]);
  });

  it('never in another portal, whatever the role says', () => {
    expect(canUseTool('password-manager', 'employers', 'primary-producer')).toBe(false);
    expect(canUseTool('security-manager', 'employers', 'delegated-admin')).toBe(true);
    expect(canUseTool('staff-audit', 'producers', 'help-desk')).toBe(false);
  });
});
