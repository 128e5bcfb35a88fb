import assert from 'node:assert/strict';
import { test } from 'node:test';
import { threatFacts, type ThreatFactSource } from './threat-facts';

const unknown: ThreatFactSource = {
  mfaUsers: 'unknown',
  mfaAdmins: 'unknown',
  backupOffline: null,
  lastRestoreTestOn: null,
  endOfSupportOn: null,
  personalDataCategories: [],
  criticality: null,
  hosting: null,
  hostingCountry: null,
  monitoring: 'unknown',
};

test('nothing recorded means every fact is unknown', () => {
  const facts = threatFacts(unknown, '2026-12-05');
  assert.ok(Object.values(facts).every((v) => v === null), JSON.stringify(facts));
});

test('recorded system facts become the threat catalogue facts', () => {
  const facts = threatFacts(
    {
      mfaUsers: 'partial',
      mfaAdmins: 'yes',
      backupOffline: false,
      lastRestoreTestOn: '2025-12-04',
      endOfSupportOn: '2026-12-05',
      personalDataCategories: ['vanlige', 'helse'],
      criticality: 'critical',
      hosting: 'vendor_cloud',
      hostingCountry: 'US',
      monitoring: 'none',
    },
    '2026-12-05',
  );
  assert.deepEqual(facts, {
    mfa_users: false,
    mfa_admins: true,
    backup_offline: false,
    restore_tested_within_12m: false,
    end_of_support_passed: true,
    internet_exposed: null,
    holds_special_categories: true,
    criticality: 'critical',
    vendor_hosted: true,
    hosting_outside_eea: true,
    monitoring: false,
  });
});

test('a restore test within the last year, support still running, hosting in Norway', () => {
  const facts = threatFacts(
    { ...unknown, lastRestoreTestOn: '2025-12-05', endOfSupportOn: '2027-01-01', hosting: 'own', hostingCountry: 'NO', monitoring: 'business_hours', personalDataCategories: ['vanlige'] },
    '2026-12-05',
  );
  assert.equal(facts.restore_tested_within_12m, true);
  assert.equal(facts.end_of_support_passed, false);
  assert.equal(facts.vendor_hosted, false);
  assert.equal(facts.hosting_outside_eea, false);
  assert.equal(facts.monitoring, true);
  assert.equal(facts.holds_special_categories, false);
});
