import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { parse, stringify } from 'yaml';
import { withOwner } from '../../db/tenant';
import { createTestApp, type TestApp } from '../../test/app';
import { buildOrganization, buildUser } from '../../test/factories';
import { processingContentDir } from './content';
import { templateUrn } from './contract';
import { processingEntries, processingProposals, processingTemplates } from './schema';
import { seedProcessingTemplates } from './seed';
import { adoptForTest } from './test-support';

let t: TestApp;
const dirs: string[] = [];

before(async () => {
  t = await createTestApp();
});
after(async () => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  await t.close();
});

const seed = (dir = processingContentDir) => withOwner(t.database.owner, { organizationId: null, userId: null, requestId: 'seed-test' }, (tx) => seedProcessingTemplates(tx, dir));

function contentWith(slug: string, change: (template: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-seed-'));
  dirs.push(dir);
  cpSync(processingContentDir, dir, { recursive: true });
  const file = join(dir, 'templates', `${slug}.yaml`);
  const template = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(template);
  writeFileSync(file, stringify(template));
  return dir;
}

describe('the template seeder', () => {
  test('loaded every template at start-up, and a second run changes nothing', async () => {
    const rows = await t.database.owner.select().from(processingTemplates);
    assert.equal(rows.length, 25);
    assert.ok(rows.every((r) => r.version === 1 && r.origin === 'content'));
    const again = await seed();
    assert.deepEqual(again, { serviceAreas: 9, inserted: 0, newVersions: 0, proposals: 0, unchangedVersionDiffers: [] });
  });

  test('a higher version in the file becomes a new version, proposed to every adopter, and is loaded once', async () => {
    const org = await buildOrganization(t.database);
    const user = await buildUser(t.database);
    const { created } = await adoptForTest(t.database, org.id, user.id, ['velferd-bosetting-introduksjonsprogram']);
    const dir = contentWith('velferd-bosetting-introduksjonsprogram', (template) => {
      template.version = 2;
      template.retention_period = 'Ny regel for lagring etter arkivlova.';
    });
    const result = await seed(dir);
    assert.equal(result.newVersions, 1);
    assert.equal(result.proposals, 1);
    const [entry] = await t.database.owner.select().from(processingEntries).where(eq(processingEntries.id, created[0]!.id));
    assert.equal(entry!.templateVersion, 1, 'the entry itself is untouched');
    const proposals = await t.database.owner.select().from(processingProposals).where(eq(processingProposals.entryId, entry!.id));
    assert.deepEqual(proposals.map((p) => [p.status, p.fromVersion, p.toVersion]), [['open', 1, 2]]);
    const again = await seed(dir);
    assert.equal(again.newVersions, 0);
    const versions = await t.database.owner.select().from(processingTemplates).where(eq(processingTemplates.urn, templateUrn('velferd-bosetting-introduksjonsprogram')));
    assert.deepEqual(versions.map((v) => v.version).sort(), [1, 2]);
  });

  test('changed content without a higher version is left alone and reported', async () => {
    const dir = contentWith('teknisk-byggesak-plan', (template) => {
      template.notes = 'Endret uten ny versjon.';
    });
    const result = await seed(dir);
    assert.deepEqual(result.unchangedVersionDiffers, ['templates/teknisk-byggesak-plan.yaml']);
    const [row] = await t.database.owner
      .select()
      .from(processingTemplates)
      .where(and(eq(processingTemplates.urn, templateUrn('teknisk-byggesak-plan')), eq(processingTemplates.version, 1)));
    assert.notEqual(row!.content.notes, 'Endret uten ny versjon.');
  });

  test('content with lint errors is refused and nothing is written', async () => {
    const dir = contentWith('kultur-kulturskole-bibliotek-booking', (template) => {
      template.version = 2;
      template.art6_basis = [];
    });
    await assert.rejects(seed(dir), /art6_basis/);
    const versions = await t.database.owner.select().from(processingTemplates).where(eq(processingTemplates.urn, templateUrn('kultur-kulturskole-bibliotek-booking')));
    assert.equal(versions.length, 1);
  });
});
