import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ThreatFacts } from '../systems/threat-facts';
import { riskContent } from './content';
import { describeMatch, evaluateThreat } from './rules';

const { catalogue } = riskContent();
const unknown: ThreatFacts = {
  mfa_users: null,
  mfa_admins: null,
  backup_offline: null,
  restore_tested_within_12m: null,
  end_of_support_passed: null,
  internet_exposed: null,
  holds_special_categories: null,
  criticality: null,
  vendor_hosted: null,
  hosting_outside_eea: null,
  monitoring: null,
};
/** Every fact known and as safe as it gets. */
const safe: ThreatFacts = {
  mfa_users: true,
  mfa_admins: true,
  backup_offline: true,
  restore_tested_within_12m: true,
  end_of_support_passed: false,
  internet_exposed: false,
  holds_special_categories: false,
  criticality: 'other',
  vendor_hosted: false,
  hosting_outside_eea: false,
  monitoring: true,
};

const raised = (facts: ThreatFacts) => new Set(catalogue.threats.filter((t) => evaluateThreat(t, facts).raised).map((t) => t.id));
const byId = (id: string) => catalogue.threats.find((t) => t.id === id)!;

test('nothing known raises nothing, and the rules tell which facts are missing', () => {
  assert.deepEqual([...raised(unknown)], []);
  const ransomware = evaluateThreat(byId('losepengevirus'), unknown);
  assert.equal(ransomware.raised, false);
  assert.ok(ransomware.missing.includes('backup_offline'));
  assert.ok(ransomware.missing.includes('restore_tested_within_12m'));
  // Every threat with rules misses at least one fact when nothing is known.
  for (const threat of catalogue.threats.filter((t) => t.raised_by.length)) assert.ok(evaluateThreat(threat, unknown).missing.length > 0, threat.id);
});

test('a system with every safeguard in place raises nothing and misses nothing', () => {
  assert.deepEqual([...raised(safe)], []);
  for (const threat of catalogue.threats) assert.deepEqual(evaluateThreat(threat, safe).missing, [], threat.id);
});

test('no MFA for users raises account takeover and weak authentication, not the backup threats', () => {
  const facts = { ...safe, mfa_users: false };
  const ids = raised(facts);
  assert.ok(ids.has('svak-autentisering'));
  assert.ok(ids.has('fakturasvindel'));
  assert.ok(!ids.has('tap-av-sikkerhetskopier'), [...ids].join());
  assert.ok(!ids.has('losepengevirus'));
  const evaluation = evaluateThreat(byId('svak-autentisering'), facts);
  assert.deepEqual(evaluation.reasons, [[{ fact: 'mfa_users', value: false }]]);
  assert.equal(describeMatch(evaluation.reasons[0]![0]!, catalogue.facts), 'Tofaktor er ikke på plass for alle brukere');
  // Exactly the threats whose rules mention mfa_users = false alone.
  const expected = catalogue.threats.filter((t) => t.raised_by.some((r) => !('all' in r) && r.fact === 'mfa_users' && r.equals === false)).map((t) => t.id);
  assert.deepEqual([...ids].sort(), expected.sort());
});

test('no offline backup or no restore test raises loss of backups and ransomware', () => {
  const noOffline = raised({ ...safe, backup_offline: false });
  assert.ok(noOffline.has('losepengevirus'));
  const noTest = raised({ ...safe, restore_tested_within_12m: false });
  assert.ok(noTest.has('losepengevirus'));
  assert.ok(noTest.has('mislykket-gjenoppretting'));
  const backupThreats = catalogue.threats.filter((t) => t.raised_by.some((r) => !('all' in r) && r.fact === 'backup_offline')).map((t) => t.id);
  assert.ok(backupThreats.length >= 2, backupThreats.join());
  for (const id of backupThreats) assert.ok(noOffline.has(id), id);
});

test('an all-group needs every condition, and a known false blocks the missing report', () => {
  const outsourcing = byId('leverandorsvikt');
  assert.equal(evaluateThreat(outsourcing, { ...safe, vendor_hosted: true }).raised, false);
  assert.equal(evaluateThreat(outsourcing, { ...safe, vendor_hosted: true, criticality: 'important' }).raised, true);
  const partly = evaluateThreat(outsourcing, { ...unknown, vendor_hosted: true });
  assert.deepEqual(partly.missing, ['criticality'], 'the known half holds, so the unknown half is missing');
  assert.deepEqual(evaluateThreat(outsourcing, { ...unknown, vendor_hosted: false }).missing, [], 'a known false cannot be completed');
  const reasons = evaluateThreat(outsourcing, { ...safe, vendor_hosted: true, criticality: 'critical' }).reasons;
  assert.deepEqual(reasons, [[{ fact: 'vendor_hosted', value: true }, { fact: 'criticality', value: 'critical' }]]);
  assert.equal(describeMatch(reasons[0]![1]!, catalogue.facts), 'Systemet er kritisk for kommunens tjenester');
});

test('threats with no rules are never suggested', () => {
  const manual = catalogue.threats.filter((t) => t.raised_by.length === 0);
  const worst: ThreatFacts = { mfa_users: false, mfa_admins: false, backup_offline: false, restore_tested_within_12m: false, end_of_support_passed: true, internet_exposed: true, holds_special_categories: true, criticality: 'critical', vendor_hosted: true, hosting_outside_eea: true, monitoring: false };
  const ids = raised(worst);
  for (const threat of manual) assert.ok(!ids.has(threat.id), threat.id);
  assert.ok(ids.size > 0);
});

test('each rule of every threat, made true on its own, raises that threat with that rule as the reason', () => {
  for (const threat of catalogue.threats) {
    for (const rule of threat.raised_by) {
      const conditions = 'all' in rule ? rule.all : [rule];
      const facts: ThreatFacts = { ...unknown };
      for (const c of conditions) Object.assign(facts, { [c.fact]: c.equals ?? c.in![0] });
      const evaluation = evaluateThreat(threat, facts);
      assert.ok(evaluation.raised, `${threat.id}: ${JSON.stringify(rule)}`);
      assert.ok(evaluation.reasons.some((r) => r.length === conditions.length && r.every((m, i) => m.fact === conditions[i]!.fact)), threat.id);
      for (const reason of evaluation.reasons) for (const match of reason) assert.ok(describeMatch(match, catalogue.facts).length > 5);
    }
  }
});
