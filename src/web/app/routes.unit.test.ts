import { describe, expect, it } from 'vitest';
import { PAGE_ADDRESSES, matchRoute, paths, safeNext } from './routes.ts';

describe('web routes', () => {
  it('parses the self-service pages only where they exist', () => {
    expect(matchRoute('/retail/register')).toEqual({ kind: 'register', portalId: 'retail' });
    expect(matchRoute('/producers/register')).toEqual({ kind: 'not-found' });
    expect(matchRoute('/producers/forgot-username')).toEqual({ kind: 'forgot-username', portalId: 'producers' });
    expect(matchRoute('/employers/reset-password')).toEqual({ kind: 'reset-password', portalId: 'employers' });
    expect(matchRoute('/staff/forgot-username')).toEqual({ kind: 'not-found' });
    expect(matchRoute('/staff/profile')).toEqual({ kind: 'profile', portalId: 'staff' });
    expect(matchRoute('/help/producer-services')).toEqual({ kind: 'producer-services' });
    expect(matchRoute('/help/other')).toEqual({ kind: 'not-found' });
  });

  it('parses the retail book pages, the client id from the address, and lets a login continue to them', () => {
    expect(matchRoute('/retail/state')).toEqual({ kind: 'book-state' });
    expect(matchRoute('/retail/clients')).toEqual({ kind: 'book-clients' });
    expect(matchRoute(paths.bookClient('K-1'))).toEqual({ kind: 'book-client', clientId: 'K-1' });
    expect(matchRoute('/producers/clients')).toEqual({ kind: 'not-found' });
    expect(matchRoute('/producers/book')).toEqual({ kind: 'group-book' });
    expect(matchRoute(paths.groupBookGroup('100234'))).toEqual({ kind: 'group-book-group', accountNumber: '100234' });
    expect(matchRoute('/retail/book')).toEqual({ kind: 'not-found' });
    expect(paths.bookState('/retail/clients?quick=past-due')).toBe('/retail/state?next=%2Fretail%2Fclients%3Fquick%3Dpast-due');
    expect(safeNext('retail', '/retail/clients?quick=past-due')).toBe('/retail/clients?quick=past-due');
    expect(safeNext('producers', '/retail/clients')).toBeUndefined();
  });

  it("parses the staff console's pages of a producer's book, whose, which state and which client or group from the address", () => {
    expect(matchRoute('/staff/book')).toEqual({ kind: 'staff-book' });
    const view = (v: string, state?: string, id?: string) => ({ kind: 'staff-book-view', view: v, agentId: '000600492', state, id });
    expect(matchRoute(paths.staffBookProducer('000600492'))).toEqual(view('producer'));
    expect(matchRoute(paths.staffBookClients('000600492', 'TX'))).toEqual(view('clients', 'TX'));
    expect(matchRoute(paths.staffBookClient('000600492', 'TX', 'K-1'))).toEqual(view('client', 'TX', 'K-1'));
    expect(matchRoute(paths.staffBookApplications('000600492', 'IL'))).toEqual(view('applications', 'IL'));
    expect(matchRoute(paths.staffBookGroups('000600492'))).toEqual(view('groups'));
    expect(matchRoute(paths.staffBookGroup('000600492', '100234'))).toEqual(view('group', undefined, '100234'));
    expect(matchRoute(paths.staffBookCommissions('000600492'))).toEqual(view('commissions'));
    expect(matchRoute('/retail/book/000600492')).toEqual({ kind: 'not-found' });
    expect(safeNext('staff', '/staff/book/000600492/TX/clients?quick=past-due')).toBe('/staff/book/000600492/TX/clients?quick=past-due');
    expect(safeNext('retail', '/staff/book/000600492')).toBeUndefined();
  });

  it('parses each administration tool only in its own portal', () => {
    expect(matchRoute('/producers/password-manager')).toEqual({ kind: 'password-manager' });
    expect(matchRoute('/employers/security-manager')).toEqual({ kind: 'security-manager' });
    expect(matchRoute('/staff/users')).toEqual({ kind: 'staff-users' });
    expect(matchRoute('/staff/audit')).toEqual({ kind: 'staff-audit' });
    expect(matchRoute('/staff/lifecycle-report')).toEqual({ kind: 'staff-lifecycle' });
    expect(matchRoute('/staff/settings')).toEqual({ kind: 'staff-settings' });
    expect(matchRoute('/staff/data-feed')).toEqual({ kind: 'staff-feed-runs' });
    for (const path of [
      '/employers/password-manager',
      '/producers/security-manager',
      '/retail/password-manager',
      '/producers/users',
      '/staff/password-manager',
      '/staff/users/x',
      '/producers/toString',
      '/staff/constructor',
    ]) {
      expect(matchRoute(path), path).toEqual({ kind: 'not-found' });
    }
    expect(paths.passwordManager()).toBe('/producers/password-manager');
    expect(paths.securityManager()).toBe('/employers/security-manager');
  });

  it('reads the confirmation token from the query string', () => {
    expect(matchRoute('/retail/register/confirm', '?token=abc%2B1')).toEqual({ kind: 'register-confirm', portalId: 'retail', token: 'abc+1' });
    expect(matchRoute('/retail/register/confirm')).toEqual({ kind: 'register-confirm', portalId: 'retail', token: '' });
    expect(matchRoute('/producers/register/confirm', '?token=x')).toEqual({ kind: 'not-found' });
    expect(paths.registerConfirm('retail', 'a+b/c')).toBe('/retail/register/confirm?token=a%2Bb%2Fc');
  });

  it('continues a login only to a signed-in page of the same portal', () => {
    expect(matchRoute('/retail/login', '?next=%2Fretail%2Fprofile')).toEqual({ kind: 'login', portalId: 'retail', next: '/retail/profile' });
    expect(paths.login('retail', '/retail/profile')).toBe('/retail/login?next=%2Fretail%2Fprofile');
    expect(safeNext('retail', '/retail/home')).toBe('/retail/home');
    expect(safeNext('employers', '/employers/security-manager')).toBe('/employers/security-manager');
    expect(safeNext('staff', '/staff/audit')).toBe('/staff/audit');
    expect(safeNext('producers', '/employers/security-manager')).toBeUndefined();
    // A list's state travels with it through the login.
    expect(safeNext('staff', '/staff/users?q=smith&page=2')).toBe('/staff/users?q=smith&page=2');
    for (const next of [
      'https://evil.example/retail/profile',
      '//evil.example/retail/profile',
      '/\\evil.example',
      '/producers/profile',
      '/retail/login',
      '/retail/register',
      '/retail/../producers/profile',
      'retail/profile',
      '',
      null,
    ]) {
      expect(safeNext('retail', next), String(next)).toBeUndefined();
    }
  });

  it('lists each address once, and each parses back to its own page', () => {
    const addresses = PAGE_ADDRESSES.map((address) => address.path);
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const { path, route } of PAGE_ADDRESSES) expect(matchRoute(path), path).toEqual(route);
    expect(matchRoute('/staff/users/')).toEqual({ kind: 'staff-users' });
    expect(matchRoute('/Staff/Users')).toEqual({ kind: 'not-found' });
  });
});
