import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { Mail, Mailer } from '../../server/mailer';
import { createTestApp, type TestApp } from '../../test/app';
import { addMembership, buildOrganization, buildUser } from '../../test/factories';
import { recordChange } from './changes';
import { emailOutbox } from './notification-schema';
import { drainOutbox, MAX_ATTEMPTS, retryDelayMinutes } from './outbox';
import { asNational, buildSystem, buildVendor } from './test-support';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

function recordingMailer(failFirst = 0): Mailer & { sent: Mail[] } {
  let failures = failFirst;
  const sent: Mail[] = [];
  return {
    sent,
    async send(mail) {
      if (failures > 0) {
        failures--;
        throw new Error('SMTP svarte ikke');
      }
      sent.push(mail);
    },
    describe: () => 'test',
  };
}

async function changeFor(organizationIds: string[]) {
  const { vendor } = await buildVendor(t.database);
  for (const id of organizationIds) await buildSystem(t.database, id, { vendorId: vendor.id });
  const change = await asNational(t.database, (tx) => recordChange(tx, { vendorId: vendor.id, kind: 'other', title: 'Testendring', dedupeKey: `outbox-test:${vendor.id}`, createdBy: null }));
  return change.changeId;
}

const rowsFor = (changeId: string) => t.database.owner.select().from(emailOutbox).where(eq(emailOutbox.referenceId, changeId));

test('one e-mail per organisation, to its administrators, privacy and security leads, in its own language', async () => {
  const nynorsk = await buildOrganization(t.database, { documentLanguage: 'nn' });
  const admin = await buildUser(t.database);
  const dpo = await buildUser(t.database);
  const reader = await buildUser(t.database);
  await addMembership(t.database, admin.id, nynorsk.id, ['administrator', 'sikkerhetsleder']);
  await addMembership(t.database, dpo.id, nynorsk.id, ['personvernombud']);
  await addMembership(t.database, reader.id, nynorsk.id, ['leser']);
  const empty = await buildOrganization(t.database);
  const changeId = await changeFor([nynorsk.id, empty.id]);
  const mailer = recordingMailer();
  const clock = () => new Date(Date.now() + 1000);
  const result = await drainOutbox({ db: t.database.owner, mailer, publicUrl: 'https://samsvar.example', clock });
  assert.ok(result.sent >= 1 && result.skipped >= 1, JSON.stringify(result));
  const mine = mailer.sent.filter((m) => m.text.includes('Testendring') && m.to.includes(admin.email));
  assert.equal(mine.length, 1);
  assert.deepEqual(mine[0]!.to.split(', ').sort(), [admin.email, dpo.email].map((e) => e.toLowerCase()).sort());
  assert.match(mine[0]!.text, /leverandøroppfølginga/, 'nynorsk');
  const rows = await rowsFor(changeId);
  assert.deepEqual(rows.map((r) => r.status).sort(), ['sent', 'skipped']);
  // A second pass sends nothing again.
  await drainOutbox({ db: t.database.owner, mailer, publicUrl: 'https://samsvar.example', clock });
  assert.equal(mailer.sent.filter((m) => m.text.includes('Testendring') && m.to.includes(admin.email)).length, 1);
});

test('a failed send is retried later with backoff, and given up after the last attempt', async () => {
  const organization = await buildOrganization(t.database);
  const admin = await buildUser(t.database);
  await addMembership(t.database, admin.id, organization.id, ['administrator']);
  const changeId = await changeFor([organization.id]);
  let now = Date.now() + 1000;
  const clock = () => new Date(now);
  const failing = recordingMailer(1);
  await drainOutbox({ db: t.database.owner, mailer: failing, publicUrl: 'x', clock });
  let [row] = await rowsFor(changeId);
  assert.equal(row!.status, 'pending');
  assert.equal(row!.attempts, 1);
  assert.equal(row!.lastError, 'SMTP svarte ikke');
  assert.equal(row!.nextAttemptAt.getTime(), now + retryDelayMinutes(1) * 60_000);
  // Not due yet: nothing happens.
  await drainOutbox({ db: t.database.owner, mailer: failing, publicUrl: 'x', clock });
  assert.equal(failing.sent.length, 0);
  now += 2 * 60_000;
  await drainOutbox({ db: t.database.owner, mailer: failing, publicUrl: 'x', clock });
  [row] = await rowsFor(changeId);
  assert.equal(row!.status, 'sent');
  assert.equal(failing.sent.filter((m) => m.to.includes(admin.email.toLowerCase())).length, 1);

  const doomed = await changeFor([organization.id]);
  const broken = recordingMailer(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    now += 7 * 60 * 60_000;
    await drainOutbox({ db: t.database.owner, mailer: broken, publicUrl: 'x', clock });
  }
  [row] = await rowsFor(doomed);
  assert.equal(row!.status, 'failed');
  assert.equal(row!.attempts, MAX_ATTEMPTS);
});

test('the outbox is not readable across organisations', async () => {
  const a = await buildOrganization(t.database);
  const b = await buildOrganization(t.database);
  const changeId = await changeFor([a.id]);
  const { withTenant } = await import('../../db/tenant');
  const seen = await withTenant(t.database.app, { organizationId: b.id, userId: null, requestId: 'outbox-rls' }, (tx) =>
    tx.execute(sql`select count(*)::int as n from email_outbox where reference_id = ${changeId}`),
  );
  assert.equal((seen as unknown as { rows: { n: number }[] }).rows[0]!.n, 0);
});
