import { DEMO_LOGINS } from '../features/demo/demo-data.ts';

export function printDemoLogins(): void {
  console.log('Demo logins (portal · user name · password · role):');
  for (const l of DEMO_LOGINS) console.log(`  ${l.portalId.padEnd(9)} ${l.username.padEnd(13)} ${l.password.padEnd(14)} ${l.role}`);
}
