import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { enterOrganization } from '../../db/tenant';
import { hashPassword, SecretBox } from '../auth/crypto';
import { organizations } from '../organizations/schema';
import type { Role } from './roles';
import { memberships, users } from './schema';

/** Shared password for every demo login. Demo mode only; never in production. */
export const DEMO_PASSWORD = 'Samsvar-demo-2026';

export interface DemoUser {
  email: string;
  name: string;
  memberships: { organization: string; roles: Role[] }[];
  description: string;
}

/** `organization` is a kommunenummer, or "national". */
export const demoUsers: DemoUser[] = [
  {
    email: 'kari.admin@demo.samsvar.no',
    name: 'Kari Nordmann',
    memberships: [
      { organization: '3446', roles: ['administrator', 'personvernombud'] },
      { organization: '4036', roles: ['personvernombud'] },
    ],
    description: 'administrator og personvernombud i Gran, personvernombud i Vinje (bytte av organisasjon)',
  },
  { email: 'ola.sikkerhet@demo.samsvar.no', name: 'Ola Berg', memberships: [{ organization: '3446', roles: ['sikkerhetsleder'] }], description: 'sikkerhetsleder i Gran' },
  { email: 'per.bidrag@demo.samsvar.no', name: 'Per Haugen', memberships: [{ organization: '3446', roles: ['bidragsyter'] }], description: 'bidragsyter i Gran' },
  { email: 'lise.leser@demo.samsvar.no', name: 'Lise Dahl', memberships: [{ organization: '3446', roles: ['leser'] }], description: 'leser (f.eks. kommunedirektør) i Gran' },
  { email: 'ingrid.admin@demo.samsvar.no', name: 'Ingrid Bakke', memberships: [{ organization: '4036', roles: ['administrator', 'sikkerhetsleder'] }], description: 'administrator i Vinje (nynorsk)' },
  {
    email: 'nina.nasjonal@demo.samsvar.no',
    name: 'Nina Fjeld',
    memberships: [{ organization: 'national', roles: ['administrator', 'fellesforvalter'] }],
    description: 'fellesforvalter og administrator i den nasjonale fellesforvaltningen',
  },
  { email: 'anders.analyse@demo.samsvar.no', name: 'Anders Lie', memberships: [{ organization: 'national', roles: ['analytiker'] }], description: 'analytiker (nasjonal)' },
];

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A fixed TOTP secret per demo login, so the README and `samsvar demo-code` can produce its codes. */
export function demoTotpSecret(email: string): string {
  const bytes = createHash('sha256').update(`samsvar-demo:${email}`).digest();
  return Array.from(bytes.subarray(0, 20), (b) => base32[b % 32]).join('');
}

async function organizationId(tx: Tx, key: string): Promise<string> {
  const [row] =
    key === 'national'
      ? await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.kind, 'national'))
      : await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.municipalityNumber, key));
  if (!row) throw new Error(`demo organisation ${key} is missing; seed the registry first`);
  return row.id;
}

/** Creates the demo logins (idempotent), already enrolled in MFA with their fixed secrets. */
export async function seedDemoUsers(tx: Tx, sessionSecret: string): Promise<void> {
  const box = new SecretBox(sessionSecret);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of demoUsers) {
    let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${demo.email}`);
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email: demo.email, name: demo.name, passwordHash, totpSecret: box.seal(demoTotpSecret(demo.email)), totpEnrolledAt: new Date() })
        .returning();
    }
    for (const membership of demo.memberships) {
      const orgId = await organizationId(tx, membership.organization);
      await enterOrganization(tx, orgId);
      for (const role of membership.roles) {
        const exists = await tx
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, user!.id), eq(memberships.role, role)));
        if (!exists.length) await tx.insert(memberships).values({ organizationId: orgId, userId: user!.id, role });
      }
    }
  }
}
