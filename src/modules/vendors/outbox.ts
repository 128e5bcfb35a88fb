import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { queryRows } from '../../db/sql';
import { withOwner, type Tx } from '../../db/tenant';
import type { Mail, Mailer } from '../../server/mailer';
import { publishExpiredCertifications } from './expiry';
import { osloDay } from './status';

/** Who in a municipality hears about central vendor changes by e-mail. */
export const NOTIFIED_ROLES = ['administrator', 'personvernombud', 'sikkerhetsleder'] as const;
export const MAX_ATTEMPTS = 8;
/** Minutes before the next attempt: 1, 2, 4, … capped at six hours. */
export const retryDelayMinutes = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1), 360);

export interface OutboxDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  clock: () => Date;
}

/** A text[] literal: drizzle's sql tag would spread a JS array into separate parameters. */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

interface DueRow {
  id: string;
  organization_id: string;
  attempts: number;
  reference_id: string;
  organization_name: string;
  document_language: 'nb' | 'nn' | 'en';
}

interface ChangeRow {
  vendor_id: string;
  title: string;
  summary: string | null;
}

const texts = {
  nb: {
    subject: (title: string) => `Endring hos leverandør: ${title}`,
    intro: (org: string) => `Den nasjonale leverandøroppfølgingen i Samsvar har registrert en endring hos en leverandør som ${org} bruker:`,
    link: 'Se hva endringen betyr for systemene deres:',
    why: (org: string) => `Du får denne e-posten fordi du har en rolle i ${org} i Samsvar. Kommunen får én e-post per endring.`,
  },
  nn: {
    subject: (title: string) => `Endring hos leverandør: ${title}`,
    intro: (org: string) => `Den nasjonale leverandøroppfølginga i Samsvar har registrert ei endring hos ein leverandør som ${org} bruker:`,
    link: 'Sjå kva endringa betyr for systema dykkar:',
    why: (org: string) => `Du får denne e-posten fordi du har ei rolle i ${org} i Samsvar. Kommunen får éin e-post per endring.`,
  },
  en: {
    subject: (title: string) => `Vendor change: ${title}`,
    intro: (org: string) => `The national vendor follow-up in Samsvar has recorded a change at a vendor that ${org} uses:`,
    link: 'See what the change means for your systems:',
    why: (org: string) => `You receive this e-mail because you have a role in ${org} in Samsvar. The organisation gets one e-mail per change.`,
  },
};

/** The e-mail for one change to one organisation, in the organisation's own language. */
export function vendorChangeMail(input: { to: string[]; organizationName: string; language: 'nb' | 'nn' | 'en'; change: ChangeRow; publicUrl: string }): Mail {
  const t = texts[input.language] ?? texts.nb;
  return {
    to: input.to.join(', '),
    subject: t.subject(input.change.title),
    text: [
      'Hei!',
      '',
      t.intro(input.organizationName),
      '',
      input.change.title,
      ...(input.change.summary ? [input.change.summary] : []),
      '',
      t.link,
      `${input.publicUrl}/leverandorer/${input.change.vendor_id}`,
      '',
      t.why(input.organizationName),
    ].join('\n'),
  };
}

async function recipientsOf(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(
    tx,
    sql`select distinct lower(u.email) as email from memberships m join users u on u.id = m.user_id
         where m.organization_id = ${organizationId} and u.status = 'active'
           and m.role in (${sql.join(NOTIFIED_ROLES.map((r) => sql`${r}`), sql`, `)})
         order by 1`,
  );
  return rows.map((r) => r.email);
}

export interface DrainResult {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
}

/**
 * Sends what is due in the outbox: one e-mail per row (one organisation, one change). Rows are locked with
 * SKIP LOCKED, so several app processes can run the worker side by side without sending anything twice.
 * A failed send is retried with backoff, and given up (status 'failed', kept for inspection) after
 * MAX_ATTEMPTS. Delivery is at least once: a crash between sending and committing sends that row again.
 */
export async function drainOutbox(deps: OutboxDeps, batch = 20): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, skipped: 0, retried: 0, failed: 0 };
  const now = deps.clock();
  await withOwner(deps.db, { organizationId: null, userId: null, requestId: `outbox:${randomUUID()}` }, async (tx) => {
    const due = await queryRows<DueRow>(
      tx,
      sql`select o.id, o.organization_id, o.attempts, o.reference_id, org.name as organization_name, org.document_language
            from email_outbox o join organizations org on org.id = o.organization_id
           where o.status = 'pending' and o.next_attempt_at <= ${now.toISOString()}::timestamptz
           order by o.next_attempt_at
           limit ${batch}
           for update of o skip locked`,
    );
    for (const row of due) {
      const to = await recipientsOf(tx, row.organization_id);
      const [change] = await queryRows<ChangeRow>(tx, sql`select vendor_id, title, summary from vendor_changes where id = ${row.reference_id}`);
      if (!to.length || !change) {
        await tx.execute(sql`update email_outbox set status = 'skipped', recipients = ${textArray(to)}::text[], last_error = ${change ? 'ingen mottakere' : 'endringen finnes ikke'} where id = ${row.id}`);
        result.skipped++;
        continue;
      }
      try {
        await deps.mailer.send(vendorChangeMail({ to, organizationName: row.organization_name, language: row.document_language, change, publicUrl: deps.publicUrl }));
        await tx.execute(sql`update email_outbox set status = 'sent', sent_at = ${now.toISOString()}::timestamptz, recipients = ${textArray(to)}::text[], attempts = attempts + 1, last_error = null where id = ${row.id}`);
        result.sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= MAX_ATTEMPTS;
        const next = new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000);
        await tx.execute(sql`update email_outbox set attempts = ${attempts}, last_error = ${String((error as Error).message ?? error).slice(0, 500)},
                                status = ${giveUp ? 'failed' : 'pending'}, next_attempt_at = ${next.toISOString()}::timestamptz where id = ${row.id}`);
        if (giveUp) result.failed++;
        else result.retried++;
      }
    }
  });
  return result;
}

/** The daily-ish national check: certificates that expired since the last run become changes. */
export async function runExpiryCheck(db: Db, clock: () => Date): Promise<number> {
  return withOwner(db, { organizationId: null, userId: null, requestId: `expiry-check:${randomUUID()}` }, async (tx) => {
    await tx.execute(sql`select set_config('app.national_writer', 'on', true)`);
    return publishExpiredCertifications(tx, osloDay(clock()));
  });
}

/**
 * The worker loop every app process runs: the outbox every few seconds, the expiry check every hour. Errors
 * are logged and the loop goes on; `stop` waits for a pass in progress.
 */
export function startOutboxWorker(deps: OutboxDeps & { log: (message: string, error?: unknown) => void }, options: { intervalMs?: number; expiryIntervalMs?: number } = {}) {
  const interval = options.intervalMs ?? 5_000;
  const expiryInterval = options.expiryIntervalMs ?? 3_600_000;
  let lastExpiryCheck = 0;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        if (Date.now() - lastExpiryCheck >= expiryInterval) {
          lastExpiryCheck = Date.now();
          await runExpiryCheck(deps.db, deps.clock);
        }
        let pass: DrainResult;
        do pass = await drainOutbox(deps);
        while (pass.sent + pass.skipped + pass.retried + pass.failed === 20);
      } catch (error) {
        deps.log('outbox worker pass failed', error);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, interval);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
