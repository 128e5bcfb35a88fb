import { z, isoDate, requiredText, text, uuid } from '../../shared/validation';
import type { FollowUpDto } from '../vendors/contract';
import {
  backupFrequencies,
  criticalities,
  federationKinds,
  hostingKinds,
  idportenLevels,
  mfaStates,
  monitoringKinds,
  personalDataCategories,
  restoreResults,
  type BackupFrequency,
  type Criticality,
  type MfaState,
  type MonitoringKind,
} from './fields';

const optionalText = (max = 2000) => text(max).nullable().optional();
const optionalDate = () => isoDate().nullable().optional();
const country = () =>
  z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'Velg et land (landkode med to bokstaver).'));

export const systemFields = {
  name: requiredText(200),
  purpose: optionalText(),
  systemOwner: optionalText(300),
  technicalContact: optionalText(300),
  vendorId: uuid().nullable().optional(),
  vendorProductId: uuid().nullable().optional(),
  localVendorName: optionalText(200),
  hosting: z.enum(hostingKinds).nullable().optional(),
  hostingCountry: country().nullable().optional(),
  services: z.array(requiredText(100)).max(30).optional(),
  criticality: z.enum(criticalities).nullable().optional(),
  consequenceUnavailable: optionalText(1000),
  consequenceAltered: optionalText(1000),
  consequenceLeaked: optionalText(1000),
  personalDataCategories: z.array(z.enum(personalDataCategories)).max(personalDataCategories.length).optional(),
  dataSubjects: z.number().int().min(0).max(100_000_000).nullable().optional(),
  mfaUsers: z.enum(mfaStates).optional(),
  mfaAdmins: z.enum(mfaStates).optional(),
  federation: z.enum(federationKinds).nullable().optional(),
  idportenLevel: z.enum(idportenLevels).nullable().optional(),
  backupScope: optionalText(1000),
  backupFrequency: z.enum(backupFrequencies).optional(),
  backupOffline: z.boolean().nullable().optional(),
  lastRestoreTestOn: optionalDate(),
  lastRestoreResult: z.enum(restoreResults).nullable().optional(),
  endOfSupportOn: optionalDate(),
  monitoring: z.enum(monitoringKinds).optional(),
  alertRecipient: optionalText(300),
  notes: optionalText(4000),
  /** The municipality's other systems this one depends on (integrations). */
  dependsOn: z.array(uuid()).max(100).optional(),
};

export const createSystemBody = z.strictObject(systemFields);
export const updateSystemBody = z.strictObject({ ...systemFields, name: requiredText(200).optional(), version: z.number().int().min(1) });
export type CreateSystemBody = z.infer<typeof createSystemBody>;
export type UpdateSystemBody = z.infer<typeof updateSystemBody>;

export const systemIdParams = z.strictObject({ id: uuid() });
export const evidenceQuery = z.strictObject({ measure: text(200) });

/** An upload: the file's bytes in base64 (the API speaks JSON only). */
export const importBody = z.strictObject({
  fileName: requiredText(200),
  contentBase64: z.string().min(1, 'Velg en fil.').max(7_000_000, 'Filen er for stor (høyst 5 MB).'),
});

/** What needs attention on a system (decided on the server; the UI only shows it). */
export interface SystemFlags {
  withoutMfa: boolean;
  restoreUntested: boolean;
  pastEndOfSupport: boolean;
  endOfSupportSoon: boolean;
  processorWithoutDpa: boolean;
}

export interface SystemListItemDto {
  id: string;
  name: string;
  criticality: Criticality | null;
  services: string[];
  vendor: { id: string; name: string } | null;
  product: { id: string; name: string } | null;
  localVendorName: string | null;
  followUp: FollowUpDto | null;
  mfaUsers: MfaState;
  mfaAdmins: MfaState;
  backupFrequency: BackupFrequency;
  lastRestoreTestOn: string | null;
  endOfSupportOn: string | null;
  monitoring: MonitoringKind;
  flags: SystemFlags;
  version: number;
}

export interface SystemDto extends SystemListItemDto {
  purpose: string | null;
  systemOwner: string | null;
  technicalContact: string | null;
  hosting: string | null;
  hostingCountry: string | null;
  hostingOutsideEea: boolean | null;
  consequenceUnavailable: string | null;
  consequenceAltered: string | null;
  consequenceLeaked: string | null;
  personalDataCategories: string[];
  dataSubjects: number | null;
  federation: string | null;
  idportenLevel: string | null;
  backupScope: string | null;
  backupOffline: boolean | null;
  lastRestoreResult: string | null;
  alertRecipient: string | null;
  notes: string | null;
  dependsOn: { id: string; name: string }[];
  dependents: { id: string; name: string }[];
  /** What the vendor said in its reviewed questionnaire, to compare with (never changes the municipality's own facts). */
  vendorFacts: { reviewedOn: string; mfaPossible: boolean | null; backupOffline: boolean | null; restoreTested: boolean | null; monitoring247: boolean | null; outsideEea: boolean | null } | null;
  updatedAt: string;
}
