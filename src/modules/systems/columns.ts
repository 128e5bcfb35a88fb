import {
  backupFrequencies,
  countryNames,
  criticalities,
  federationKinds,
  hostingKinds,
  idportenLevels,
  mfaStates,
  monitoringKinds,
  personalDataCategories,
  restoreResults,
} from './fields';

/**
 * The spreadsheet columns of the system inventory, used by both the import and the export so that an
 * exported file can be edited and imported again. Headers and values are in Norwegian (bokmål); the import
 * also accepts the code values.
 */
export type ColumnKey =
  | 'name' | 'purpose' | 'systemOwner' | 'technicalContact' | 'vendor' | 'product' | 'hosting' | 'hostingCountry' | 'services'
  | 'criticality' | 'consequenceUnavailable' | 'consequenceAltered' | 'consequenceLeaked' | 'personalDataCategories' | 'dataSubjects'
  | 'mfaUsers' | 'mfaAdmins' | 'federation' | 'idportenLevel' | 'backupScope' | 'backupFrequency' | 'backupOffline'
  | 'lastRestoreTestOn' | 'lastRestoreResult' | 'endOfSupportOn' | 'monitoring' | 'alertRecipient' | 'dependsOn' | 'notes';

export type ColumnKind = 'text' | 'list' | 'enum' | 'enumList' | 'integer' | 'boolean' | 'date' | 'country';

export interface Column {
  key: ColumnKey;
  header: string;
  kind: ColumnKind;
  /** enum/enumList: code → Norwegian label. */
  labels?: Record<string, string>;
  width?: number;
}

const labels = <T extends string>(codes: readonly T[], names: Record<T, string>) => Object.fromEntries(codes.map((c) => [c, names[c]])) as Record<string, string>;

export const valueLabels = {
  hosting: labels(hostingKinds, { own: 'Egen drift', vendor_cloud: 'Leverandørens sky', public_cloud: 'Offentlig skytjeneste', shared_municipal: 'Interkommunal drift' }),
  criticality: labels(criticalities, { critical: 'Kritisk', important: 'Viktig', other: 'Annet' }),
  personalDataCategories: labels(personalDataCategories, {
    vanlige: 'Vanlige opplysninger',
    fodselsnummer: 'Fødselsnummer',
    barn: 'Opplysninger om barn',
    helse: 'Helseopplysninger',
    andre_saerlige: 'Andre særlige kategorier',
    straff: 'Straffbare forhold',
  }),
  mfa: labels(mfaStates, { yes: 'Ja', partial: 'Delvis', no: 'Nei', unknown: 'Vet ikke' }),
  federation: labels(federationKinds, { none: 'Ingen', entra_id: 'Entra ID', feide: 'Feide', idporten: 'ID-porten', helseid: 'HelseID', other: 'Annen' }),
  idportenLevel: labels(idportenLevels, { substantial: 'Betydelig', high: 'Høyt' }),
  backupFrequency: labels(backupFrequencies, { continuous: 'Kontinuerlig', daily: 'Daglig', weekly: 'Ukentlig', monthly: 'Månedlig', none: 'Ingen', unknown: 'Vet ikke' }),
  restoreResult: labels(restoreResults, { ok: 'Vellykket', partial: 'Delvis', failed: 'Feilet' }),
  monitoring: labels(monitoringKinds, { soc_24_7: 'Døgnbemannet (SOC)', business_hours: 'I arbeidstiden', none: 'Ingen', unknown: 'Vet ikke' }),
};

export const columns: Column[] = [
  { key: 'name', header: 'Navn', kind: 'text', width: 28 },
  { key: 'purpose', header: 'Formål', kind: 'text', width: 40 },
  { key: 'systemOwner', header: 'Systemeier', kind: 'text', width: 24 },
  { key: 'technicalContact', header: 'Teknisk kontakt', kind: 'text', width: 24 },
  { key: 'vendor', header: 'Leverandør', kind: 'text', width: 24 },
  { key: 'product', header: 'Produkt', kind: 'text', width: 24 },
  { key: 'hosting', header: 'Drift', kind: 'enum', labels: valueLabels.hosting, width: 20 },
  { key: 'hostingCountry', header: 'Land', kind: 'country', width: 12 },
  { key: 'services', header: 'Tjenester', kind: 'list', width: 30 },
  { key: 'criticality', header: 'Kritikalitet', kind: 'enum', labels: valueLabels.criticality, width: 12 },
  { key: 'consequenceUnavailable', header: 'Konsekvens hvis utilgjengelig', kind: 'text', width: 30 },
  { key: 'consequenceAltered', header: 'Konsekvens hvis endret', kind: 'text', width: 30 },
  { key: 'consequenceLeaked', header: 'Konsekvens hvis lekket', kind: 'text', width: 30 },
  { key: 'personalDataCategories', header: 'Personopplysninger', kind: 'enumList', labels: valueLabels.personalDataCategories, width: 30 },
  { key: 'dataSubjects', header: 'Antall personer', kind: 'integer', width: 14 },
  { key: 'mfaUsers', header: 'Tofaktor for brukere', kind: 'enum', labels: valueLabels.mfa, width: 14 },
  { key: 'mfaAdmins', header: 'Tofaktor for administratorer', kind: 'enum', labels: valueLabels.mfa, width: 14 },
  { key: 'federation', header: 'Felles innlogging', kind: 'enum', labels: valueLabels.federation, width: 16 },
  { key: 'idportenLevel', header: 'ID-porten-nivå', kind: 'enum', labels: valueLabels.idportenLevel, width: 14 },
  { key: 'backupScope', header: 'Sikkerhetskopi av', kind: 'text', width: 24 },
  { key: 'backupFrequency', header: 'Sikkerhetskopi hvor ofte', kind: 'enum', labels: valueLabels.backupFrequency, width: 16 },
  { key: 'backupOffline', header: 'Frakoblet eller uforanderlig kopi', kind: 'boolean', width: 14 },
  { key: 'lastRestoreTestOn', header: 'Siste gjenopprettingstest', kind: 'date', width: 16 },
  { key: 'lastRestoreResult', header: 'Resultat av testen', kind: 'enum', labels: valueLabels.restoreResult, width: 14 },
  { key: 'endOfSupportOn', header: 'Slutt på støtte', kind: 'date', width: 16 },
  { key: 'monitoring', header: 'Overvåking', kind: 'enum', labels: valueLabels.monitoring, width: 20 },
  { key: 'alertRecipient', header: 'Varsler følges opp av', kind: 'text', width: 24 },
  { key: 'dependsOn', header: 'Avhenger av', kind: 'list', width: 30 },
  { key: 'notes', header: 'Merknader', kind: 'text', width: 40 },
];

export const columnByKey = new Map(columns.map((c) => [c.key, c]));

const normalize = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');
const headerIndex = new Map(columns.flatMap((c) => [[normalize(c.header), c] as const, [normalize(c.key), c] as const]));
export const columnForHeader = (header: string) => headerIndex.get(normalize(header));

const countryByName = new Map(Object.entries(countryNames).map(([code, name]) => [normalize(name), code]));
export const countryCode = (value: string) => (/^[a-z]{2}$/i.test(value.trim()) ? value.trim().toUpperCase() : countryByName.get(normalize(value)));

/** Reads a label or a code; undefined when it is neither. */
export function codeFor(column: Column, value: string): string | undefined {
  const wanted = normalize(value);
  for (const [code, label] of Object.entries(column.labels ?? {})) {
    if (normalize(label) === wanted || normalize(code) === wanted) return code;
  }
  if (column.key === 'criticality' && ['høy', 'kritisk'].includes(wanted)) return 'critical';
  if (column.labels === valueLabels.mfa && ['ja, for alle', 'alle'].includes(wanted)) return 'yes';
  return undefined;
}

export const yesWords = new Set(['ja', 'yes', 'j', 'true', 'sann', '1', 'x']);
export const noWords = new Set(['nei', 'no', 'n', 'false', 'usann', '0']);
