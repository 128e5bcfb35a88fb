import type { OrganizationDto } from './contract';
import type { organizations } from './schema';

export function presentOrganization(row: typeof organizations.$inferSelect): OrganizationDto {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    otherName: row.otherName,
    municipalityNumber: row.municipalityNumber,
    countyNumber: row.countyNumber,
    countyName: row.countyName,
    population: row.population,
    sizeGroup: row.sizeGroup,
    languageForm: row.languageForm,
    administrativeCentre: row.administrativeCentre,
    website: row.website,
    documentLanguage: row.documentLanguage,
    dpoContact: row.dpoContact,
  };
}
