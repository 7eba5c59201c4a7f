export * from './audit.ts';
export * from './directory.ts';
export * from './identity.ts';
export * from './lifecycle.ts';
export * from './outbox.ts';
export * from './portals.ts';
export * from './secrets.ts';
export * from './service-requests.ts';
