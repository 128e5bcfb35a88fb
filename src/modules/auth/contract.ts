import { z, email, uuid } from '../../shared/validation';

export const loginBody = z.strictObject({ email: email(), password: z.string().min(1, 'Skriv inn passordet.').max(256) });
export const codeBody = z.strictObject({ code: z.string().trim().min(6, 'Skriv inn koden.').max(20) });
export const switchOrganizationBody = z.strictObject({ organizationId: uuid() });
export const oidcCallbackQuery = z.strictObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
});

export interface MeDto {
  user: { id: string; name: string; email: string; language: 'nb' | 'nn' | 'en' | null };
  organization: { id: string; name: string; kind: string; documentLanguage: 'nb' | 'nn' | 'en' } | null;
  roles: string[];
  memberships: { organizationId: string; name: string; kind: string; municipalityNumber: string | null; roles: string[] }[];
  policies: Record<string, Record<string, boolean>>;
  csrfToken: string;
  session: { expiresAt: string; idleMinutes: number; authMethod: 'password' | 'oidc' };
}
