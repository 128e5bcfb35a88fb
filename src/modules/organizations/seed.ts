import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../../paths';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { parseCsvObjects } from '../../shared/csv';
import { organizations, type LanguageForm } from './schema';

const dataDir = join(contentDir, 'organizations');

export const NATIONAL_ORGANIZATION_NAME = 'Samsvar nasjonalt fellesforvaltning';

const languageForm = (value: string): LanguageForm | null =>
  ({ Bokmål: 'bokmal', Nynorsk: 'nynorsk', Nøytral: 'neutral' })[value] as LanguageForm | undefined ?? null;

/** The document language a municipality gets by default: nynorsk municipalities get nynorsk. */
export const defaultDocumentLanguage = (form: LanguageForm | null): 'nb' | 'nn' => (form === 'nynorsk' ? 'nn' : 'nb');

export interface RegistrySeedResult {
  municipalities: number;
  counties: number;
}

/**
 * Loads the organisation registry: all municipalities and counties from content/organizations, and the
 * national organisation. Idempotent: registry facts are updated, local settings are left alone.
 */
export async function seedOrganizations(tx: Tx): Promise<RegistrySeedResult> {
  const municipalities = parseCsvObjects(readFileSync(join(dataDir, 'kommuner.csv'), 'utf8'));
  const counties = parseCsvObjects(readFileSync(join(dataDir, 'fylker.csv'), 'utf8'));
  const rows = municipalities.map((m) => {
    const form = languageForm(m.malform ?? '');
    return {
      kind: 'municipality' as const,
      name: m.kommunenavn!,
      otherName: m.annet_navn_samisk_kvensk || null,
      municipalityNumber: m.kommunenummer!,
      countyNumber: m.fylkesnummer!,
      countyName: m.fylkesnavn!,
      population: Number(m.folketall_2024_01_01),
      sizeGroup: m.storrelsesgruppe_ssb!,
      languageForm: form,
      documentLanguage: defaultDocumentLanguage(form),
      administrativeCentre: m.adm_senter || null,
      website: m.nettside ? `https://${m.nettside.replace(/^https?:\/\//, '')}` : null,
    };
  });
  for (let i = 0; i < rows.length; i += 100) {
    await tx
      .insert(organizations)
      .values(rows.slice(i, i + 100))
      .onConflictDoUpdate({
        target: organizations.municipalityNumber,
        set: {
          name: sql`excluded.name`,
          otherName: sql`excluded.other_name`,
          countyNumber: sql`excluded.county_number`,
          countyName: sql`excluded.county_name`,
          population: sql`excluded.population`,
          sizeGroup: sql`excluded.size_group`,
          languageForm: sql`excluded.language_form`,
          administrativeCentre: sql`excluded.administrative_centre`,
          website: sql`excluded.website`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`(organizations.name, organizations.population, organizations.size_group, organizations.language_form) is distinct from (excluded.name, excluded.population, excluded.size_group, excluded.language_form)`,
      });
  }
  for (const county of counties) {
    const population = rows.filter((m) => m.countyNumber === county.fylkesnummer).reduce((sum, m) => sum + m.population, 0);
    const name = county.fylkesnummer === '03' ? 'Oslo kommune (fylkesoppgaver)' : `${county.fylkesnavn} fylkeskommune`;
    const existing = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, 'county'), eq(organizations.countyNumber, county.fylkesnummer!)));
    if (existing[0]) {
      await tx
        .update(organizations)
        .set({ name, population, countyName: county.fylkesnavn! })
        .where(and(eq(organizations.id, existing[0].id), sql`(name, population) is distinct from (${name}, ${population})`));
    } else {
      await tx.insert(organizations).values({ kind: 'county', name, countyNumber: county.fylkesnummer!, countyName: county.fylkesnavn!, population });
    }
  }
  await tx
    .insert(organizations)
    .values({ kind: 'national', name: NATIONAL_ORGANIZATION_NAME })
    .onConflictDoNothing({ target: organizations.kind, where: sql`kind = 'national'` });
  return { municipalities: rows.length, counties: counties.length };
}
