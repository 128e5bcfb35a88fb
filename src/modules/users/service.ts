import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { enterOrganization, type Tx } from '../../db/tenant';
import { queryRows } from '../../db/sql';
import { commonError } from '../../server/errors';
import { hashPassword, randomToken, sha256, verifyPassword } from '../auth/crypto';
import { organizations, type OrganizationKind } from '../organizations/schema';
import { usersError } from './errors';
import { municipalRoles, nationalRoles, vendorRoles, type Role } from './roles';
import { invitations, memberships, users } from './schema';

export const INVITATION_DAYS = 7;

export function rolesFor(kind: OrganizationKind): readonly Role[] {
  return kind === 'national' ? nationalRoles : kind === 'vendor' ? vendorRoles : municipalRoles;
}

function assertRoleAllowed(kind: OrganizationKind, role: Role, field = 'role'): void {
  if (!rolesFor(kind).includes(role)) throw usersError('ROLE_NOT_ALLOWED', { field });
}

export function assertPasswordStrength(password: string, emailAddress: string): void {
  const lower = password.toLowerCase();
  const local = emailAddress.toLowerCase().split('@')[0] ?? '';
  if (new Set(password).size < 5 || lower === emailAddress.toLowerCase() || (local.length >= 4 && lower.includes(local))) {
    throw usersError('PASSWORD_WEAK', { field: 'password' });
  }
}

export async function listMembers(tx: Tx, organizationId: string) {
  const rows = await tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      lastLoginAt: users.lastLoginAt,
      totpEnrolledAt: users.totpEnrolledAt,
      oidcSubject: users.oidcSubject,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name), asc(memberships.role));
  const byUser = new Map<string, { userId: string; name: string; email: string; roles: Role[]; lastLoginAt: Date | null; mfaEnrolled: boolean }>();
  for (const row of rows) {
    const member = byUser.get(row.userId) ?? {
      userId: row.userId,
      name: row.name,
      email: row.email,
      roles: [],
      lastLoginAt: row.lastLoginAt,
      mfaEnrolled: row.totpEnrolledAt !== null || row.oidcSubject !== null,
    };
    member.roles.push(row.role);
    byUser.set(row.userId, member);
  }
  return [...byUser.values()];
}

export async function listPendingInvitations(tx: Tx, organizationId: string) {
  return tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(asc(invitations.createdAt));
}

async function organizationOf(tx: Tx, organizationId: string) {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) throw commonError('NOT_FOUND');
  return organization;
}

export interface CreatedInvitation {
  invitation: typeof invitations.$inferSelect;
  token: string;
  organizationName: string;
}

/** Invites a person by e-mail. A pending invitation for the same address and role is replaced. */
export async function createInvitation(
  tx: Tx,
  input: { organizationId: string; email: string; role: Role; invitedBy: string; now: Date },
): Promise<CreatedInvitation> {
  const organization = await organizationOf(tx, input.organizationId);
  assertRoleAllowed(organization.kind, input.role);
  const existing = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, input.organizationId), eq(memberships.role, input.role), sql`lower(${users.email}) = ${input.email}`));
  if (existing.length) throw usersError('ALREADY_MEMBER', { field: 'email' });
  await tx
    .update(invitations)
    .set({ revokedAt: input.now })
    .where(
      and(
        eq(invitations.organizationId, input.organizationId),
        eq(invitations.email, input.email),
        eq(invitations.role, input.role),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = randomToken();
  const [invitation] = await tx
    .insert(invitations)
    .values({
      organizationId: input.organizationId,
      email: input.email,
      role: input.role,
      tokenHash: sha256(token),
      invitedBy: input.invitedBy,
      expiresAt: new Date(input.now.getTime() + INVITATION_DAYS * 86_400_000),
    })
    .returning();
  return { invitation: invitation!, token, organizationName: organization.name };
}

export async function resendInvitation(tx: Tx, organizationId: string, invitationId: string, invitedBy: string, now: Date) {
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
  if (!invitation) throw commonError('NOT_FOUND');
  return createInvitation(tx, { organizationId, email: invitation.email, role: invitation.role, invitedBy, now });
}

export async function revokeInvitation(tx: Tx, organizationId: string, invitationId: string, now: Date): Promise<void> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (!rows.length) throw commonError('NOT_FOUND');
}

async function administratorCount(tx: Tx, organizationId: string, exceptUserId: string): Promise<number> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'administrator'), sql`${memberships.userId} <> ${exceptUserId}`));
  return rows.length;
}

/** Sets a member's roles in the organisation; the organisation always keeps an administrator. */
export async function setRoles(tx: Tx, organizationId: string, userId: string, roles: Role[]) {
  const organization = await organizationOf(tx, organizationId);
  roles.forEach((role, i) => assertRoleAllowed(organization.kind, role, `roles.${i}`));
  const current = await tx.select().from(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  if (!current.length) throw commonError('NOT_FOUND');
  const wanted = new Set(roles);
  if (!wanted.has('administrator') && current.some((m) => m.role === 'administrator') && (await administratorCount(tx, organizationId, userId)) === 0) {
    throw usersError('LAST_ADMINISTRATOR', { field: 'roles' });
  }
  const toRemove = current.filter((m) => !wanted.has(m.role)).map((m) => m.id);
  if (toRemove.length) await tx.delete(memberships).where(inArray(memberships.id, toRemove));
  const have = new Set(current.map((m) => m.role));
  const toAdd = [...wanted].filter((role) => !have.has(role));
  if (toAdd.length) await tx.insert(memberships).values(toAdd.map((role) => ({ organizationId, userId, role })));
}

export async function removeMember(tx: Tx, organizationId: string, userId: string): Promise<void> {
  const current = await tx.select().from(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  if (!current.length) throw commonError('NOT_FOUND');
  if (current.some((m) => m.role === 'administrator') && (await administratorCount(tx, organizationId, userId)) === 0) {
    throw usersError('LAST_ADMINISTRATOR', { field: 'userId' });
  }
  await tx.delete(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}

interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  role: Role;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  revoked_at: Date | string | null;
}

/** Finds a usable invitation by its token (the invitee is not a member yet, so RLS cannot show it). */
export async function invitationForToken(tx: Tx, token: string, now: Date) {
  const [row] = await queryRows<InvitationRow>(tx, sql`select * from invitation_for_token(${sha256(token)})`);
  if (!row || row.accepted_at || row.revoked_at) throw usersError('INVITATION_INVALID', { field: 'token' });
  if (new Date(row.expires_at) <= now) throw usersError('INVITATION_EXPIRED', { field: 'token' });
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, row.organization_id));
  const [account] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${row.email.toLowerCase()}`);
  return { id: row.id, organizationId: row.organization_id, organizationName: organization?.name ?? '', email: row.email, role: row.role, expiresAt: new Date(row.expires_at), accountExists: Boolean(account) };
}

/** Marks the invitation used and adds the membership, inside the invited organisation's tenant. */
async function consumeInvitation(tx: Tx, invitation: { id: string; organizationId: string; role: Role }, userId: string, now: Date) {
  await enterOrganization(tx, invitation.organizationId, userId);
  const used = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .returning({ id: invitations.id });
  if (!used.length) throw usersError('INVITATION_INVALID', { field: 'token' });
  await tx.insert(memberships).values({ organizationId: invitation.organizationId, userId, role: invitation.role }).onConflictDoNothing();
}

export async function acceptAsNewUser(tx: Tx, input: { token: string; name: string; password: string; now: Date }) {
  const invitation = await invitationForToken(tx, input.token, input.now);
  if (invitation.accountExists) throw usersError('ACCOUNT_EXISTS', { field: 'token' });
  assertPasswordStrength(input.password, invitation.email);
  const userId = randomUUID();
  await enterOrganization(tx, invitation.organizationId, userId);
  const [user] = await tx
    .insert(users)
    .values({ id: userId, email: invitation.email, name: input.name, passwordHash: await hashPassword(input.password) })
    .returning();
  await consumeInvitation(tx, invitation, user!.id, input.now);
  return { user: user!, organizationId: invitation.organizationId };
}

export async function acceptAsExistingUser(tx: Tx, input: { token: string; userId: string; email: string; now: Date }) {
  const invitation = await invitationForToken(tx, input.token, input.now);
  if (invitation.email.toLowerCase() !== input.email.toLowerCase()) throw usersError('INVITATION_OTHER_EMAIL', { field: 'token' });
  await consumeInvitation(tx, invitation, input.userId, input.now);
  return { organizationId: invitation.organizationId };
}

export async function changePassword(tx: Tx, userId: string, currentPassword: string, newPassword: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) throw commonError('NOT_FOUND');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw usersError('PASSWORD_WRONG', { field: 'currentPassword' });
  assertPasswordStrength(newPassword, user.email);
  await tx.update(users).set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() }).where(eq(users.id, userId));
}

/** The person's organisations, for the switcher. */
export async function membershipsOf(tx: Tx, userId: string) {
  const rows = await tx
    .select({
      organizationId: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      municipalityNumber: organizations.municipalityNumber,
      documentLanguage: organizations.documentLanguage,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
  const byOrg = new Map<string, { organizationId: string; name: string; kind: OrganizationKind; municipalityNumber: string | null; documentLanguage: 'nb' | 'nn' | 'en'; roles: Role[] }>();
  for (const row of rows) {
    const entry = byOrg.get(row.organizationId) ?? {
      organizationId: row.organizationId,
      name: row.name,
      kind: row.kind,
      municipalityNumber: row.municipalityNumber,
      documentLanguage: row.documentLanguage,
      roles: [],
    };
    entry.roles.push(row.role);
    byOrg.set(row.organizationId, entry);
  }
  return [...byOrg.values()];
}
