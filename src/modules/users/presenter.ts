import type { InvitationDto, MemberDto } from './contract';
import type { invitations } from './schema';

export const presentMember = (m: { userId: string; name: string; email: string; roles: string[]; lastLoginAt: Date | null; mfaEnrolled: boolean }): MemberDto => ({
  userId: m.userId,
  name: m.name,
  email: m.email,
  roles: m.roles,
  lastLoginAt: m.lastLoginAt?.toISOString() ?? null,
  mfaEnrolled: m.mfaEnrolled,
});

export const presentInvitation = (i: typeof invitations.$inferSelect, now: Date): InvitationDto => ({
  id: i.id,
  email: i.email,
  role: i.role,
  expiresAt: i.expiresAt.toISOString(),
  expired: i.expiresAt <= now,
  createdAt: i.createdAt.toISOString(),
});
