// ROS benchmark (see bench/README.md): candidate risks for a municipality with 300 systems.
//  (a) the rule engine alone: every threat in the shared catalogue against the facts of 300 systems.
//  (b) the whole path in a tenant transaction with RLS on: read the 300 systems' facts from the inventory
//      (loadThreatFacts) and evaluate them. Target p95 ≤ 100 ms for (b), so a processing activity that uses
//      many systems, or an overview across all systems, still answers at once.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { withOwner, withTenant } from '../src/db/tenant';
import { organizations } from '../src/modules/organizations/schema';
import { criticalities, hostingKinds, mfaStates, monitoringKinds } from '../src/modules/systems/fields';
import { systems } from '../src/modules/systems/schema';
import { loadThreatFacts, threatFacts } from '../src/modules/systems/threat-facts';
import { candidatesFor } from '../src/modules/risk/candidates';
import { riskContent } from '../src/modules/risk/content';
import { addDays, osloDay } from '../src/modules/vendors/status';
import { benchDatabase, percentile, report, timeRepeated } from './support';

console.log(`Belastning på maskinen ved start (load average 1/5/15 min): ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);

const bench = await benchDatabase();
const { database } = bench;
const owner = <T>(work: Parameters<typeof withOwner<T>>[2]) => withOwner(database.owner, { organizationId: null, userId: null, requestId: `bench-${randomBytes(3).toString('hex')}` }, work);
const today = osloDay(new Date());
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

try {
  const [municipality] = await owner((tx) => tx.select({ id: organizations.id }).from(organizations).where(sql`${organizations.kind} = 'municipality'`).limit(1));
  const organizationId = municipality!.id;
  // 300 systems with varied facts (some unknown), as an inventory looks half-way through.
  const rows = Array.from({ length: 300 }, (_, i) => ({
    organizationId,
    name: `System ${i + 1}`,
    mfaUsers: pick(mfaStates, i),
    mfaAdmins: pick(mfaStates, i + 1),
    backupOffline: i % 3 === 0 ? null : i % 3 === 1,
    lastRestoreTestOn: i % 4 === 0 ? null : addDays(today, -((i * 7) % 500)),
    endOfSupportOn: i % 5 === 0 ? null : addDays(today, (i % 2 ? 1 : -1) * ((i * 11) % 900)),
    personalDataCategories: i % 6 === 0 ? [] : i % 2 ? ['vanlige'] : ['helse'],
    criticality: i % 7 === 0 ? null : pick(criticalities, i),
    hosting: i % 8 === 0 ? null : pick(hostingKinds, i),
    hostingCountry: i % 9 === 0 ? null : i % 10 === 0 ? 'US' : 'NO',
    monitoring: pick(monitoringKinds, i),
  }));
  const ids = await owner(async (tx) => {
    await tx.execute(sql`select set_config('app.organization_id', ${organizationId}, true)`);
    return (await tx.insert(systems).values(rows).returning({ id: systems.id, name: systems.name })).map((r) => r.id);
  });

  const { catalogue } = riskContent();
  const subjects = rows.map((r) => ({ name: r.name, facts: threatFacts({ ...r, personalDataCategories: r.personalDataCategories }, today) }));
  const pure = await timeRepeated(50, async () => candidatesFor(catalogue, subjects, new Set()));
  const result = candidatesFor(catalogue, subjects, new Set());
  const perSystem = await timeRepeated(50, async () => {
    for (const subject of subjects) candidatesFor(catalogue, [subject], new Set());
  });

  const asTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(database.app, { organizationId, userId: null, requestId: `bench-risk-${randomBytes(3).toString('hex')}` }, work);
  const full = await timeRepeated(30, () => asTenant(async (tx) => candidatesFor(catalogue, [...(await loadThreatFacts(tx, organizationId, ids, today))].map(([id, facts]) => ({ name: id, facts })), new Set())));

  report(`Foreslåtte trusler for 300 systemer (${catalogue.threats.length} trusler i katalogen)`, [
    { name: 'regelmotoren alene, alle 300 systemer samlet, median av 50', value: percentile(pure, 50), unit: 'ms' },
    { name: 'regelmotoren alene, 300 systemer ett og ett, median av 50', value: percentile(perSystem, 50), unit: 'ms' },
    { name: 'fakta fra databasen (RLS på) + regler, median av 30', value: percentile(full, 50), unit: 'ms' },
    { name: 'fakta fra databasen (RLS på) + regler, p95', value: percentile(full, 95), unit: 'ms', target: '≤ 100 ms', ok: percentile(full, 95) <= 100 },
    { name: 'trusler foreslått / med manglende opplysninger', value: result.filter((c) => c.raised).length, unit: `/ ${result.filter((c) => !c.raised).length}` },
  ]);
} finally {
  await bench.drop();
}
