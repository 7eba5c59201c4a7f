// Feed tokens (BK-8): what a carrier system sends as `Authorization: Bearer <token>` to
// POST /api/feed/{kind}. The token is shown once, at creation; only its SHA-256 hash is kept (a
// token is 32 random bytes, so a fast hash is enough: there is nothing to guess). Creating and
// revoking are audited in the same transaction as the change.
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { findFeedTokenByHash, findFeedTokenByName, insertFeedToken, listFeedTokens, setFeedTokenRevoked, setFeedTokenUsed } from './feed-tokens.store.ts';

export const FEED_TOKEN_PREFIX = 'pft_';
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

type TActor = { id?: string | null; label: string };

export interface TFeedTokenSummary {
  name: string;
  createdAt: Date;
  createdBy: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The token as it is stored: its SHA-256, hex. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Makes a token named `name`; the clear token is in the answer and nowhere else. */
export async function createFeedToken(deps: TDataDeps, input: { name: string; actor: TActor }): Promise<{ name: string; token: string }> {
  const name = input.name.trim();
  if (!NAME.test(name)) {
    throw new AppError('request.invalid', {
      message: 'A feed token name is 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    });
  }
  const token = `${FEED_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const inserted = await insertFeedToken(tx, { name, tokenHash: hashFeedToken(token), createdBy: input.actor.label, now });
    if (!inserted)
      throw new AppError('feed.token_name_taken', { message: `A feed token named "${name}" already exists. Choose another name, or revoke it first.` });
    await recordAudit(tx, { action: 'feed.token_created', occurredAt: now, actor: input.actor, target: { label: `feed token ${name}` }, details: { name } });
  });
  return { name, token };
}

export async function listFeedTokenSummaries(deps: TDataDeps): Promise<TFeedTokenSummary[]> {
  const rows = await listFeedTokens(deps.db);
  return rows.map(({ name, createdAt, createdBy, lastUsedAt, revokedAt }) => ({ name, createdAt, createdBy, lastUsedAt, revokedAt }));
}

/** Revokes the token named `name` from now on; a token already revoked stays as it was. */
export async function revokeFeedToken(deps: TDataDeps, input: { name: string; actor: TActor }): Promise<{ alreadyRevoked: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const token = await findFeedTokenByName(tx, input.name.trim());
    if (!token) throw new AppError('feed.token_not_found', { message: `No feed token is named "${input.name.trim()}".` });
    if (token.revokedAt) return { alreadyRevoked: true };
    await setFeedTokenRevoked(tx, token.id, now);
    await recordAudit(tx, {
      action: 'feed.token_revoked',
      occurredAt: now,
      actor: input.actor,
      target: { label: `feed token ${token.name}` },
      details: { name: token.name },
    });
    return { alreadyRevoked: false };
  });
}

/**
 * The token's name, for a live token sent as `Bearer <token>`, and notes its use. Missing,
 * malformed, unknown and revoked tokens all get the same 401, so a caller learns nothing about
 * which tokens exist.
 */
export async function authenticateFeedToken(deps: TDataDeps, authorization: string | undefined): Promise<{ name: string }> {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  const given = match?.[1];
  if (!given?.startsWith(FEED_TOKEN_PREFIX) || given.length > 200) throw new AppError('feed.token_invalid');
  const token = await findFeedTokenByHash(deps.db, hashFeedToken(given));
  if (!token || token.revokedAt) throw new AppError('feed.token_invalid');
  await setFeedTokenUsed(deps.db, token.id, deps.clock.now());
  return { name: token.name };
}
