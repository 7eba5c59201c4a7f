// Whether a name or a Host header points at this machine's loopback interface. The dev mailbox
// shows temporary passwords unauthenticated: a page reached under any other name may be a DNS
// rebinding attack (an attacker's domain resolved to 127.0.0.1 in the victim's browser).
import { BlockList, isIPv4, isIPv6 } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * `localhost`, an address of 127.0.0.0/8, or ::1. Only the exact name `localhost`: no subdomain
 * (`app.localhost`), no trailing dot; nothing a public DNS name could be.
 */
export function isLoopbackName(name: string): boolean {
  if (name.toLowerCase() === 'localhost') return true;
  if (isIPv4(name)) return LOOPBACK.check(name, 'ipv4');
  return isIPv6(name) && LOOPBACK.check(name, 'ipv6');
}

/** A name, a dotted IPv4 address or a bracketed IPv6 address, then an optional port; nothing else (no user info). */
const HOST_HEADER = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::\d{1,5})?$/i;

/** A Host (or X-Forwarded-Host) header naming a loopback host, with or without a port. */
export function isLoopbackHostHeader(value: string | undefined): boolean {
  if (value === undefined) return false;
  const match = HOST_HEADER.exec(value);
  if (!match) return false;
  const [, ipv6, name] = match;
  if (ipv6 !== undefined) return isIPv6(ipv6) && isLoopbackName(ipv6);
  return name !== undefined && isLoopbackName(name);
}
