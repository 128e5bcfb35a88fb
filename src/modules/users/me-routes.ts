import { eq } from 'drizzle-orm';
import { presentPolicies } from '../../server/policy';
import { defineRoute, userAccess } from '../../server/route';
import type { MeDto } from '../auth/contract';
import { codeBody } from '../auth/contract';
import { authError } from '../auth/errors';
import { SecretBox } from '../auth/crypto';
import { replaceRecoveryCodes } from '../auth/service';
import { checkTotp } from '../auth/totp';
import { allPolicies } from '../policies';
import { changePasswordBody, updateMeBody } from './contract';
import { users } from './schema';
import { changePassword, membershipsOf } from './service';

const tags = ['Min profil'];

export const meRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/me',
    summary: 'Den innloggede personen, aktiv organisasjon, roller og hva personen har lov til',
    tags,
    access: userAccess,
    handler: async (ctx): Promise<MeDto> => {
      const session = ctx.session!;
      const actor = ctx.actor;
      // One query: the person's memberships carry what the header needs of the active organisation too.
      const memberships = await ctx.personalWork((tx) => membershipsOf(tx, session.userId));
      const organization = actor ? memberships.find((m) => m.organizationId === actor.organizationId) : undefined;
      const policies: MeDto['policies'] = {};
      for (const [module, rules] of Object.entries(allPolicies)) policies[module] = presentPolicies(rules, actor);
      return {
        user: { id: session.userId, name: session.name, email: session.email, language: session.language },
        organization: organization ? { id: organization.organizationId, name: organization.name, kind: organization.kind, documentLanguage: organization.documentLanguage } : null,
        memberships: memberships.map(({ documentLanguage: _language, ...membership }) => membership),
        roles: [...(actor?.roles ?? [])],
        policies,
        csrfToken: session.csrfToken,
        session: { expiresAt: session.expiresAt.toISOString(), idleMinutes: ctx.services.config.sessionIdleMinutes, authMethod: session.authMethod },
      };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/me',
    summary: 'Endre navn eller språk',
    tags,
    access: userAccess,
    body: updateMeBody,
    example: () => ({ body: { language: 'nn' } }),
    handler: async (ctx, { body }) => {
      const userId = ctx.session!.userId;
      await ctx.personalWork((tx) => tx.update(users).set({ ...body, updatedAt: ctx.services.clock() }).where(eq(users.id, userId)));
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/me/password',
    summary: 'Bytt passord',
    tags,
    access: userAccess,
    rateLimit: 'login',
    body: changePasswordBody,
    example: () => ({ body: { currentPassword: 'feil', newPassword: 'et nytt langt passord' } }),
    handler: async (ctx, { body }) => {
      await ctx.personalWork((tx) => changePassword(tx, ctx.session!.userId, body.currentPassword, body.newPassword));
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/me/recovery-codes',
    summary: 'Lag nye gjenopprettingskoder (krever en gyldig engangskode)',
    tags,
    access: userAccess,
    rateLimit: 'login',
    body: codeBody,
    example: () => ({ body: { code: '000000' } }),
    handler: async (ctx, { body }) => {
      const userId = ctx.session!.userId;
      const codes = await ctx.personalWork(async (tx) => {
        const [user] = await tx.select().from(users).where(eq(users.id, userId));
        if (!user?.totpSecret) return null;
        const step = checkTotp(new SecretBox(ctx.services.config.sessionSecret).open(user.totpSecret), body.code, user.totpLastStep, ctx.services.clock().getTime());
        if (step === null) return null;
        await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, userId));
        return replaceRecoveryCodes(tx, userId);
      });
      if (!codes) throw authError('MFA_CODE_INVALID', { field: 'code' });
      return { recoveryCodes: codes };
    },
  }),
];

