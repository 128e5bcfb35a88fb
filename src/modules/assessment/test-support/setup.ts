import type { Role } from '../../users/roles';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { addMembership, as, buildOrganization, buildUser, openSession, type TestUser } from '../../../test/factories';
import { loadLibraryFixture, type LibraryFixture } from './library-fixture';

/** A test app with the library loaded and one municipality with a person in each role. */
export interface AssessmentTest {
  t: TestApp;
  library: LibraryFixture;
  organizationId: string;
  people: Record<'editor' | 'admin' | 'reader' | 'contributor' | 'otherContributor', TestUser>;
  api: (who: keyof AssessmentTest['people']) => Promise<ReturnType<typeof as>>;
}

export async function assessmentTest(options: { documentLanguage?: 'nb' | 'nn' | 'en'; name?: string } = {}): Promise<AssessmentTest> {
  const t = await createTestApp();
  const library = await loadLibraryFixture(t.database);
  const organization = await buildOrganization(t.database, { documentLanguage: options.documentLanguage ?? 'nb', ...(options.name ? { name: options.name } : {}) });
  const roles: Record<keyof AssessmentTest['people'], Role[]> = {
    editor: ['personvernombud'],
    admin: ['administrator', 'sikkerhetsleder'],
    reader: ['leser'],
    contributor: ['bidragsyter'],
    otherContributor: ['bidragsyter'],
  };
  const people = {} as AssessmentTest['people'];
  for (const [key, list] of Object.entries(roles) as [keyof AssessmentTest['people'], Role[]][]) {
    people[key] = await buildUser(t.database, { name: `${key[0]!.toUpperCase()}${key.slice(1)} Ås` });
    await addMembership(t.database, people[key].id, organization.id, list);
  }
  const sessions = new Map<string, Awaited<ReturnType<typeof openSession>>>();
  return {
    t,
    library,
    organizationId: organization.id,
    people,
    api: async (who) => {
      let session = sessions.get(who);
      if (!session) sessions.set(who, (session = await openSession(t, people[who].id, organization.id)));
      return as(t, session);
    },
  };
}

export { json };
