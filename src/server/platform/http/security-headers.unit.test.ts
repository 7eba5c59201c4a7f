import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';

describe('securityHeaders', () => {
  it('forbids framing, sniffing and cross-origin referrers on every response', () => {
    const headers = securityHeaders({ isProduction: false });
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('asks for HTTPS only in production', () => {
    expect(securityHeaders({ isProduction: false })).not.toHaveProperty('strict-transport-security');
    expect(securityHeaders({ isProduction: false })['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(securityHeaders({ isProduction: true })['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(securityHeaders({ isProduction: true })['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  });
});
