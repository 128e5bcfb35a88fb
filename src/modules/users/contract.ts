import { z, email, requiredText, uuid } from '../../shared/validation';
import { allRoles } from './roles';

export const password = () =>
  z
    .string()
    .min(12, 'Passordet må ha minst 12 tegn.')
    .max(256, 'Passordet kan ha høyst 256 tegn.');

export const inviteBody = z.strictObject({ email: email(), role: z.enum(allRoles) });
export const setRolesBody = z.strictObject({ roles: z.array(z.enum(allRoles)).min(1, 'Velg minst én rolle.').max(allRoles.length) });
export const userIdParams = z.strictObject({ userId: uuid() });
export const invitationIdParams = z.strictObject({ id: uuid() });
export const tokenBody = z.strictObject({ token: z.string().min(20).max(100) });
export const acceptNewBody = z.strictObject({
  token: z.string().min(20).max(100),
  name: requiredText(200),
  password: password(),
});
export const updateMeBody = z.strictObject({
  name: requiredText(200).optional(),
  language: z.enum(['nb', 'nn', 'en']).nullable().optional(),
});
export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: password() });

export interface MemberDto {
  userId: string;
  name: string;
  email: string;
  roles: string[];
  lastLoginAt: string | null;
  mfaEnrolled: boolean;
}

export interface InvitationDto {
  id: string;
  email: string;
  role: string;
  expiresAt: string;
  expired: boolean;
  createdAt: string;
}
