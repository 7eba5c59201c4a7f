import { describe, expect, it } from 'vitest';
import { sessionOfPortal, signedInDestination } from './signed-in-destination.ts';

describe('signed-in destination', () => {
  it('sends a temporary password to the Change Password step, whatever the login was to continue to (ID-7)', () => {
    expect(signedInDestination('retail', { mustChangePassword: true })).toBe('/retail/profile');
    expect(signedInDestination('staff', { mustChangePassword: true }, '/staff/audit')).toBe('/staff/profile');
  });

  it('sends anyone else to the page the login continues to, else home', () => {
    expect(signedInDestination('retail', { mustChangePassword: false })).toBe('/retail/home');
    expect(signedInDestination('producers', { mustChangePassword: false }, '/producers/password-manager')).toBe('/producers/password-manager');
  });

  it('counts only a session of the same portal as signed in there', () => {
    const retail = { portal: { id: 'retail', name: 'Retail Producer Portal' } };
    expect(sessionOfPortal(retail, 'retail')).toBe(retail);
    expect(sessionOfPortal(retail, 'producers')).toBeNull();
    expect(sessionOfPortal(null, 'retail')).toBeNull();
  });
});
