import { z, text, uuid } from '../../shared/validation';
import { organizationKinds } from './kinds';

/** Request shapes shared by the server (validation) and the web app (forms, types). */
export const updateSettingsBody = z.strictObject({
  documentLanguage: z.enum(['nb', 'nn', 'en']).optional(),
  dpoContact: text(300).nullable().optional(),
});
export type UpdateSettingsBody = z.infer<typeof updateSettingsBody>;

export const registryQuery = z.strictObject({
  q: text(100).optional(),
  kind: z.enum(organizationKinds).optional(),
  county: z.string().regex(/^\d{2}$/).optional(),
  sizeGroup: text(20).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type RegistryQuery = z.infer<typeof registryQuery>;

export const idParams = z.strictObject({ id: uuid() });

export const createCooperationBody = z.strictObject({
  name: text(200).pipe(z.string().min(2, 'Navnet må ha minst 2 tegn.')),
  memberIds: z.array(uuid()).min(2, 'Et samarbeid må ha minst to medlemmer.').max(100),
});

export interface OrganizationDto {
  id: string;
  kind: (typeof organizationKinds)[number];
  name: string;
  otherName: string | null;
  municipalityNumber: string | null;
  countyNumber: string | null;
  countyName: string | null;
  population: number | null;
  sizeGroup: string | null;
  languageForm: 'bokmal' | 'nynorsk' | 'neutral' | null;
  administrativeCentre: string | null;
  website: string | null;
  documentLanguage: 'nb' | 'nn' | 'en';
  dpoContact: string | null;
}
