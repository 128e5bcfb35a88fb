import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Tx } from '../../db/tenant';
import type { SessionInfo } from '../../server/context';
import type { AppError } from '../../server/errors';
import type { Services } from '../../server/services';
import { memberships, recoveryCodes, users } from '../users/schema';
import { newRecoveryCodes, normalizeRecoveryCode, SecretBox, sha256, verifyPassword } from './crypto';
import { authError } from './errors';
import { sessions } from './schema';
import { createSession, rotateSession, type IssuedSession } from './sessions';
import { checkTotp, newTotpSecret, totpUri } from './totp';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

/** Either a result, or an error to raise after the transaction has committed (so counters and audit stay). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };
const fail = <T>(error: AppError): Outcome<T> => ({ ok: false, error });
const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

export async function logAuthEvent(tx: Tx, userId: string | null, action: string, details: Record<string, unknown> = {}): Promise<void> {
  await tx.execute(sql`select audit_log_event('auth', ${userId}, ${action}, ${JSON.stringify(details)}::jsonb)`);
}

const lockUntil = (now: Date) => new Date(now.getTime() + LOCK_MINUTES * 60_000);

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
  previousSessionId: string | null;
}

/** Step one: the password. Success gives a session that still needs the second factor. */
export async function loginWithPassword(tx: Tx, services: Services, input: LoginInput): Promise<Outcome<{ session: IssuedSession; state: 'mfa_required' | 'mfa_enrolment' }>> {
  const now = services.clock();
  const [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
  if (user?.lockedUntil && user.lockedUntil > now) {
    await logAuthEvent(tx, user.id, 'login_refused_locked', { ip: input.ip });
    return fail(authError('ACCOUNT_LOCKED'));
  }
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid || user.status !== 'active') {
    if (user) {
      const failures = user.failedLoginCount + 1;
      const locked = failures >= MAX_FAILED_ATTEMPTS;
      await tx
        .update(users)
        .set({ failedLoginCount: locked ? 0 : failures, lockedUntil: locked ? lockUntil(now) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await logAuthEvent(tx, user.id, locked ? 'account_locked' : 'login_failed', { ip: input.ip });
      if (locked) return fail(authError('ACCOUNT_LOCKED'));
    }
    return fail(authError('LOGIN_FAILED', { field: 'password' }));
  }
  if (input.previousSessionId) await tx.delete(sessions).where(eq(sessions.id, input.previousSessionId));
  if (user.failedLoginCount) await tx.update(users).set({ failedLoginCount: 0 }).where(eq(users.id, user.id));
  const state = user.totpEnrolledAt ? 'mfa_required' : 'mfa_enrolment';
  const session = await createSession(tx, services.config, { userId: user.id, state, authMethod: 'password', ip: input.ip, userAgent: input.userAgent }, now);
  await logAuthEvent(tx, user.id, 'password_accepted', { ip: input.ip });
  return ok({ session, state });
}

/** The organisation a fresh login starts in: the last one used, else the first membership. */
export async function startingOrganization(tx: Tx, userId: string, lastOrganizationId: string | null): Promise<string | null> {
  const rows = await tx.select({ organizationId: memberships.organizationId }).from(memberships).where(eq(memberships.userId, userId)).orderBy(asc(memberships.createdAt));
  if (lastOrganizationId && rows.some((r) => r.organizationId === lastOrganizationId)) return lastOrganizationId;
  return rows[0]?.organizationId ?? null;
}

async function registerMfaFailure(tx: Tx, user: typeof users.$inferSelect, session: SessionInfo, now: Date): Promise<AppError> {
  const failures = user.failedMfaCount + 1;
  const locked = failures >= MAX_FAILED_ATTEMPTS;
  await tx
    .update(users)
    .set({ failedMfaCount: locked ? 0 : failures, lockedUntil: locked ? lockUntil(now) : user.lockedUntil })
    .where(eq(users.id, user.id));
  await logAuthEvent(tx, user.id, locked ? 'account_locked' : 'mfa_failed', {});
  if (locked) {
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    return authError('ACCOUNT_LOCKED');
  }
  void session;
  return authError('MFA_CODE_INVALID', { field: 'code' });
}

async function useRecoveryCode(tx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (!/^[a-z0-9]{5}-[a-z0-9]{5}$/.test(normalized)) return false;
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, sha256(normalized)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

/** Step two: a TOTP code (or a one-time recovery code). Success rotates the session and makes it active. */
export async function verifyMfa(tx: Tx, services: Services, session: SessionInfo, code: string): Promise<Outcome<{ session: IssuedSession; usedRecoveryCode: boolean }>> {
  const now = services.clock();
  const [user] = await tx.select().from(users).where(eq(users.id, session.userId));
  if (!user) return fail(authError('LOGIN_FAILED'));
  if (user.lockedUntil && user.lockedUntil > now) return fail(authError('ACCOUNT_LOCKED'));
  if (!user.totpSecret) return fail(authError('MFA_NOT_ENROLLED'));
  const secret = new SecretBox(services.config.sessionSecret).open(user.totpSecret);
  const step = checkTotp(secret, code, user.totpLastStep, now.getTime());
  const usedRecoveryCode = step === null && (await useRecoveryCode(tx, user.id, code, now));
  if (step === null && !usedRecoveryCode) return fail(await registerMfaFailure(tx, user, session, now));
  await tx
    .update(users)
    .set({ totpLastStep: step ?? user.totpLastStep, failedMfaCount: 0, lastLoginAt: now })
    .where(eq(users.id, user.id));
  const organizationId = await startingOrganization(tx, user.id, user.lastOrganizationId);
  const issued = await rotateSession(tx, services.config, session.id, { state: 'active', activeOrganizationId: organizationId }, now);
  await logAuthEvent(tx, user.id, usedRecoveryCode ? 'login_with_recovery_code' : 'login', {});
  return ok({ session: issued, usedRecoveryCode });
}

/** First login: a new TOTP secret, kept on the session until the person proves their app has it. */
export async function startEnrolment(tx: Tx, services: Services, session: SessionInfo) {
  const secret = newTotpSecret();
  const box = new SecretBox(services.config.sessionSecret);
  await tx.update(sessions).set({ pendingTotpSecret: box.seal(secret) }).where(eq(sessions.id, session.id));
  const uri = totpUri(session.email, secret);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

export async function finishEnrolment(tx: Tx, services: Services, session: SessionInfo, code: string): Promise<Outcome<{ session: IssuedSession; recoveryCodes: string[] }>> {
  const now = services.clock();
  const [row] = await tx.select({ pending: sessions.pendingTotpSecret }).from(sessions).where(eq(sessions.id, session.id));
  if (!row?.pending) return fail(authError('MFA_ENROLMENT_NOT_STARTED'));
  const [user] = await tx.select().from(users).where(eq(users.id, session.userId));
  if (!user) return fail(authError('LOGIN_FAILED'));
  const box = new SecretBox(services.config.sessionSecret);
  const step = checkTotp(box.open(row.pending), code, null, now.getTime());
  if (step === null) return fail(await registerMfaFailure(tx, user, session, now));
  await tx
    .update(users)
    .set({ totpSecret: row.pending, totpEnrolledAt: now, totpLastStep: step, failedMfaCount: 0, lastLoginAt: now, updatedAt: now })
    .where(eq(users.id, user.id));
  const codes = await replaceRecoveryCodes(tx, user.id);
  const organizationId = await startingOrganization(tx, user.id, user.lastOrganizationId);
  const issued = await rotateSession(tx, services.config, session.id, { state: 'active', activeOrganizationId: organizationId }, now);
  await logAuthEvent(tx, user.id, 'mfa_enrolled', {});
  return ok({ session: issued, recoveryCodes: codes });
}

export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: sha256(code) })));
  return codes;
}

export async function switchOrganization(tx: Tx, session: SessionInfo, organizationId: string): Promise<void> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, session.userId), eq(memberships.organizationId, organizationId)))
    .limit(1);
  if (!rows.length) throw authError('NOT_A_MEMBER', { field: 'organizationId' });
  await tx.update(sessions).set({ activeOrganizationId: organizationId }).where(eq(sessions.id, session.id));
  await tx.update(users).set({ lastOrganizationId: organizationId }).where(eq(users.id, session.userId));
}

export async function logout(tx: Tx, session: SessionInfo): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, session.id));
  await logAuthEvent(tx, session.userId, 'logout', {});
}

export { createSession };
