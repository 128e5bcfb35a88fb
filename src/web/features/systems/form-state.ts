import type { CreateSystemBody, SystemDto } from '../../../modules/systems/contract';
import type { BackupFrequency, HostingKind, MfaState, MonitoringKind } from '../../../modules/systems/fields';

/** The form's own values: text as typed, choices as codes ('' = not chosen). */
export interface SystemForm {
  name: string;
  purpose: string;
  systemOwner: string;
  technicalContact: string;
  vendorId: string;
  vendorProductId: string;
  localVendorName: string;
  hosting: string;
  hostingCountry: string;
  services: string;
  criticality: string;
  consequenceUnavailable: string;
  consequenceAltered: string;
  consequenceLeaked: string;
  personalDataCategories: string[];
  dataSubjects: string;
  mfaUsers: MfaState;
  mfaAdmins: MfaState;
  federation: string;
  idportenLevel: string;
  backupScope: string;
  backupFrequency: BackupFrequency;
  backupOffline: string;
  lastRestoreTestOn: string;
  lastRestoreResult: string;
  endOfSupportOn: string;
  monitoring: MonitoringKind;
  alertRecipient: string;
  notes: string;
  dependsOn: string[];
}

export const emptyForm: SystemForm = {
  name: '',
  purpose: '',
  systemOwner: '',
  technicalContact: '',
  vendorId: '',
  vendorProductId: '',
  localVendorName: '',
  hosting: '',
  hostingCountry: '',
  services: '',
  criticality: '',
  consequenceUnavailable: '',
  consequenceAltered: '',
  consequenceLeaked: '',
  personalDataCategories: [],
  dataSubjects: '',
  mfaUsers: 'unknown',
  mfaAdmins: 'unknown',
  federation: '',
  idportenLevel: '',
  backupScope: '',
  backupFrequency: 'unknown',
  backupOffline: '',
  lastRestoreTestOn: '',
  lastRestoreResult: '',
  endOfSupportOn: '',
  monitoring: 'unknown',
  alertRecipient: '',
  notes: '',
  dependsOn: [],
};

export function formFromSystem(s: SystemDto): SystemForm {
  return {
    name: s.name,
    purpose: s.purpose ?? '',
    systemOwner: s.systemOwner ?? '',
    technicalContact: s.technicalContact ?? '',
    vendorId: s.vendor?.id ?? '',
    vendorProductId: s.product?.id ?? '',
    localVendorName: s.localVendorName ?? '',
    hosting: s.hosting ?? '',
    hostingCountry: s.hostingCountry ?? '',
    services: s.services.join(', '),
    criticality: s.criticality ?? '',
    consequenceUnavailable: s.consequenceUnavailable ?? '',
    consequenceAltered: s.consequenceAltered ?? '',
    consequenceLeaked: s.consequenceLeaked ?? '',
    personalDataCategories: s.personalDataCategories,
    dataSubjects: s.dataSubjects === null ? '' : String(s.dataSubjects),
    mfaUsers: s.mfaUsers,
    mfaAdmins: s.mfaAdmins,
    federation: s.federation ?? '',
    idportenLevel: s.idportenLevel ?? '',
    backupScope: s.backupScope ?? '',
    backupFrequency: s.backupFrequency,
    backupOffline: s.backupOffline === null ? '' : s.backupOffline ? 'yes' : 'no',
    lastRestoreTestOn: s.lastRestoreTestOn ?? '',
    lastRestoreResult: s.lastRestoreResult ?? '',
    endOfSupportOn: s.endOfSupportOn ?? '',
    monitoring: s.monitoring,
    alertRecipient: s.alertRecipient ?? '',
    notes: s.notes ?? '',
    dependsOn: s.dependsOn.map((d) => d.id),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The request body; the server validates it and answers with Norwegian messages per field. */
export function bodyFromForm(f: SystemForm): CreateSystemBody {
  const people = f.dataSubjects.replace(/[\s\u00a0]/g, '');
  return {
    name: f.name,
    purpose: orNull(f.purpose),
    systemOwner: orNull(f.systemOwner),
    technicalContact: orNull(f.technicalContact),
    vendorId: orNull(f.vendorId),
    vendorProductId: orNull(f.vendorProductId),
    localVendorName: f.vendorId ? null : orNull(f.localVendorName),
    hosting: (orNull(f.hosting) as HostingKind | null) ?? null,
    hostingCountry: orNull(f.hostingCountry),
    services: f.services.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean),
    criticality: (orNull(f.criticality) as CreateSystemBody['criticality']) ?? null,
    consequenceUnavailable: orNull(f.consequenceUnavailable),
    consequenceAltered: orNull(f.consequenceAltered),
    consequenceLeaked: orNull(f.consequenceLeaked),
    personalDataCategories: f.personalDataCategories as CreateSystemBody['personalDataCategories'],
    // A value that is not a number goes to the server as is, so its message reaches the field.
    dataSubjects: people === '' ? null : /^\d+$/.test(people) ? Number(people) : (people as unknown as number),
    mfaUsers: f.mfaUsers,
    mfaAdmins: f.mfaAdmins,
    federation: (orNull(f.federation) as CreateSystemBody['federation']) ?? null,
    idportenLevel: (orNull(f.idportenLevel) as CreateSystemBody['idportenLevel']) ?? null,
    backupScope: orNull(f.backupScope),
    backupFrequency: f.backupFrequency,
    backupOffline: f.backupOffline === '' ? null : f.backupOffline === 'yes',
    lastRestoreTestOn: orNull(f.lastRestoreTestOn),
    lastRestoreResult: (orNull(f.lastRestoreResult) as CreateSystemBody['lastRestoreResult']) ?? null,
    endOfSupportOn: orNull(f.endOfSupportOn),
    monitoring: f.monitoring,
    alertRecipient: orNull(f.alertRecipient),
    notes: orNull(f.notes),
    dependsOn: f.dependsOn,
  };
}
