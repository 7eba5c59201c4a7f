// The session a login just opened, handed from the login page (which carries no data layer, to
// keep its download small) to the signed-in pages' cache, so they need not ask the server again.
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';

let handedOff: TSessionResponse | null = null;

export function handOffSession(session: TSessionResponse): void {
  handedOff = session;
}

/** The session handed off since the last call, once. */
export function takeHandedOffSession(): TSessionResponse | null {
  const session = handedOff;
  handedOff = null;
  return session;
}
