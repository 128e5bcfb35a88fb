import type { RequestContext } from '../../server/context';
import type { Tx } from '../../db/tenant';
import { invitationMail } from './mail';
import { presentInvitation } from './presenter';
import type { CreatedInvitation } from './service';

/**
 * Sends the invitation e-mail after the invitation is committed. If sending fails, the invitation stays and
 * the answer says so, so the administrator can send it again.
 */
export async function inviteAndMail(ctx: RequestContext, create: (tx: Tx) => Promise<CreatedInvitation>) {
  const created = await ctx.work(create);
  const link = `${ctx.services.config.publicUrl}/invitasjon#token=${created.token}`;
  let emailSent = true;
  try {
    await ctx.services.mailer.send(
      invitationMail({ to: created.invitation.email, organizationName: created.organizationName, role: created.invitation.role, link, expiresAt: created.invitation.expiresAt }),
    );
  } catch (error) {
    emailSent = false;
    ctx.log.warn({ err: error }, 'invitation e-mail failed');
  }
  return { invitation: presentInvitation(created.invitation, ctx.services.clock()), emailSent };
}
