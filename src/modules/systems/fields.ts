/**
 * The closed value sets of a system's facts. Free of database imports, so the web app, the import and the
 * export use the very same lists.
 */
export const criticalities = ['critical', 'important', 'other'] as const;
export type Criticality = (typeof criticalities)[number];

export const hostingKinds = ['own', 'vendor_cloud', 'public_cloud', 'shared_municipal'] as const;
export type HostingKind = (typeof hostingKinds)[number];

/** Whether a login factor is enforced: for everyone, for some, for none, or nobody knows yet. */
export const mfaStates = ['yes', 'partial', 'no', 'unknown'] as const;
export type MfaState = (typeof mfaStates)[number];

export const federationKinds = ['none', 'entra_id', 'feide', 'idporten', 'helseid', 'other'] as const;
export type FederationKind = (typeof federationKinds)[number];

export const idportenLevels = ['substantial', 'high'] as const;

export const backupFrequencies = ['continuous', 'daily', 'weekly', 'monthly', 'none', 'unknown'] as const;
export type BackupFrequency = (typeof backupFrequencies)[number];

export const restoreResults = ['ok', 'partial', 'failed'] as const;
export type RestoreResult = (typeof restoreResults)[number];

export const monitoringKinds = ['soc_24_7', 'business_hours', 'none', 'unknown'] as const;
export type MonitoringKind = (typeof monitoringKinds)[number];

/** Categories of personal data (the same words as the vendor questionnaire's 1.2 q2). */
export const personalDataCategories = ['vanlige', 'fodselsnummer', 'barn', 'helse', 'andre_saerlige', 'straff'] as const;
export type PersonalDataCategory = (typeof personalDataCategories)[number];
/** GDPR art. 9 and 10: special categories and criminal convictions. */
export const specialCategories: readonly PersonalDataCategory[] = ['helse', 'andre_saerlige', 'straff'];

/** EU member states plus Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2). */
export const eeaCountries = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK',
  'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
] as const;
export const isInsideEea = (country: string | null | undefined): boolean | null =>
  country ? (eeaCountries as readonly string[]).includes(country.toUpperCase()) : null;

/** Countries people usually name for hosting, in Norwegian, for forms and for reading imports. */
export const countryNames: Record<string, string> = {
  NO: 'Norge', SE: 'Sverige', DK: 'Danmark', FI: 'Finland', IS: 'Island', DE: 'Tyskland', NL: 'Nederland', IE: 'Irland', FR: 'Frankrike',
  BE: 'Belgia', AT: 'Østerrike', PL: 'Polen', ES: 'Spania', IT: 'Italia', EE: 'Estland', LT: 'Litauen', LV: 'Latvia', CZ: 'Tsjekkia',
  GB: 'Storbritannia', US: 'USA', CH: 'Sveits', IN: 'India', CA: 'Canada', JP: 'Japan', AU: 'Australia', UA: 'Ukraina',
};

/** The measure URNs the inventory holds evidence for (see overview.ts `systemFactsForMeasure`). */
export const evidenceMeasures = [
  'urn:samsvar:measure:mfa-all-users',
  'urn:samsvar:measure:mfa-admin-remote',
  'urn:samsvar:measure:backup-plan-all-data',
  'urn:samsvar:measure:backup-protection',
  'urn:samsvar:measure:restore-testing',
  'urn:samsvar:measure:vendor-backup-evidence',
  'urn:samsvar:measure:end-of-support',
  'urn:samsvar:measure:system-inventory',
  'urn:samsvar:measure:system-criticality',
  'urn:samsvar:measure:critical-services-map',
  'urn:samsvar:measure:alert-followup-soc',
  'urn:samsvar:measure:dpa-agreements',
  'urn:samsvar:measure:vendor-followup',
] as const;
export type EvidenceMeasure = (typeof evidenceMeasures)[number];
