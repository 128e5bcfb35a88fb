import type { Tx } from '../db/tenant';
import type { Config } from '../server/config';
import { seedDemoAssessments } from './assessment/demo';
import { seedDpiaTemplates } from './dpia/template-service';
import { seedLibrary } from './library/seed';
import { seedOrganizations } from './organizations/seed';
import { seedProcessingTemplates } from './processing/seed';
import { seedSystemsDemo } from './systems/demo';
import { seedDemoUsers } from './users/demo';
import { seedNationalQuestionnaire } from './vendors/questionnaire/loader';

export interface Seeder {
  name: string;
  run(tx: Tx, config: Config): Promise<unknown>;
}

/** Reference data every installation has (the organisation registry, the national content), in order. */
export const referenceSeeders: Seeder[] = [
  { name: 'organisasjonsregister', run: (tx) => seedOrganizations(tx) },
  {
    name: 'kravbibliotek',
    run: async (tx) => {
      const result = await seedLibrary(tx);
      for (const warning of result.warnings) console.warn(`kravbibliotek: ${warning}`);
      return result;
    },
  },
  { name: 'behandlingsmaler', run: (tx) => seedProcessingTemplates(tx) },
  { name: 'DPIA-maler', run: (tx) => seedDpiaTemplates(tx) },
  // After the library, which loads the questionnaire's requirements; this registers it as the vendor template.
  { name: 'leverandørspørreskjema', run: (tx) => seedNationalQuestionnaire(tx) },
];

/** Demo data: only when SAMSVAR_DEMO is on, after the reference data. */
export const demoSeeders: Seeder[] = [
  { name: 'demobrukere', run: (tx, config) => seedDemoUsers(tx, config.sessionSecret) },
  { name: 'demo: systemer og leverandører', run: (tx) => seedSystemsDemo(tx) },
  { name: 'egenvurdering (demo)', run: (tx) => seedDemoAssessments(tx) },
];
