import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Command } from 'commander';
import { enterOrganization, withOwner } from '../db/tenant';
import { hashPassword } from '../modules/auth/crypto';
import { organizations } from '../modules/organizations/schema';
import { allRoles, type Role } from '../modules/users/roles';
import { memberships, users } from '../modules/users/schema';
import { assertPasswordStrength, rolesFor } from '../modules/users/service';
import { email as emailSchema } from '../shared/validation';
import { withDatabase } from './shared';

interface CreateOptions {
  email: string;
  name: string;
  org: string;
  role: string;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Brukere');
  user
    .command('create')
    .description('Opprett en bruker med en rolle i en organisasjon. Passordet leses fra SAMSVAR_NEW_PASSWORD eller lages og skrives ut én gang. Tofaktor settes opp ved første innlogging.')
    .requiredOption('--email <email>', 'e-postadresse')
    .requiredOption('--name <name>', 'fullt navn')
    .requiredOption('--org <org>', 'kommunenummer (4 sifre), fylkesnummer med prefiks f (f.eks. f34) eller "national"')
    .requiredOption('--role <role>', `rolle: ${allRoles.join(', ')}`)
    .action(async (options: CreateOptions) => {
      const parsedEmail = emailSchema().safeParse(options.email);
      if (!parsedEmail.success) throw new Error('Ugyldig e-postadresse.');
      if (!(allRoles as readonly string[]).includes(options.role)) throw new Error(`Ukjent rolle: ${options.role}`);
      const role = options.role as Role;
      const generated = !process.env.SAMSVAR_NEW_PASSWORD;
      const password = process.env.SAMSVAR_NEW_PASSWORD ?? randomBytes(12).toString('base64url');
      assertPasswordStrength(password, parsedEmail.data);
      await withDatabase((database) =>
        withOwner(database.owner, { organizationId: null, userId: null, requestId: 'cli:user-create' }, async (tx) => {
          const where =
            options.org === 'national'
              ? eq(organizations.kind, 'national')
              : /^f\d{2}$/.test(options.org)
                ? sql`${organizations.kind} = 'county' and ${organizations.countyNumber} = ${options.org.slice(1)}`
                : eq(organizations.municipalityNumber, options.org);
          const [organization] = await tx.select().from(organizations).where(where);
          if (!organization) throw new Error(`Fant ingen organisasjon for ${options.org}.`);
          if (!rolesFor(organization.kind).includes(role)) throw new Error(`Rollen ${role} finnes ikke i ${organization.name}.`);
          let [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${parsedEmail.data}`);
          if (!existing) {
            [existing] = await tx.insert(users).values({ email: parsedEmail.data, name: options.name, passwordHash: await hashPassword(password) }).returning();
            console.log(`Opprettet ${parsedEmail.data}.`);
            if (generated) console.log(`Midlertidig passord (vises bare nå): ${password}`);
          } else console.log(`${parsedEmail.data} finnes fra før; legger bare til rollen.`);
          await enterOrganization(tx, organization.id);
          await tx.insert(memberships).values({ organizationId: organization.id, userId: existing!.id, role }).onConflictDoNothing();
          console.log(`${options.name} har nå rollen ${role} i ${organization.name}.`);
        }),
      );
    });
}
