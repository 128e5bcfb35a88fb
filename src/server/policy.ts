import type { OrganizationKind } from '../modules/organizations/schema';
import type { Role } from '../modules/users/roles';

/** Who is acting: a person with roles in their active organisation. */
export interface Actor {
  userId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  roles: readonly Role[];
}

export interface PolicyRule {
  module: string;
  action: string;
  roles: readonly Role[];
  /** Kinds of organisation where the rule applies; a municipal role in the national organisation is not the same thing. */
  kinds: readonly OrganizationKind[];
}

export const localKinds = ['municipality', 'county', 'cooperation'] as const satisfies readonly OrganizationKind[];
export const nationalKinds = ['national'] as const satisfies readonly OrganizationKind[];
export const everyKind = ['municipality', 'county', 'cooperation', 'national', 'vendor'] as const satisfies readonly OrganizationKind[];

type RuleSpec = { roles: readonly Role[]; kinds?: readonly OrganizationKind[] };

/** Declares a module's policies in one place. The routes check them; the UI receives their outcome. */
export function definePolicies<A extends Record<string, RuleSpec>>(module: string, actions: A): { [K in keyof A]: PolicyRule } {
  const result = {} as { [K in keyof A]: PolicyRule };
  for (const [action, spec] of Object.entries(actions) as [keyof A & string, RuleSpec][]) {
    result[action] = { module, action, roles: spec.roles, kinds: spec.kinds ?? localKinds };
  }
  return result;
}

export function allows(rule: PolicyRule, actor: Actor | null): boolean {
  if (!actor) return false;
  if (!rule.kinds.includes(actor.organizationKind)) return false;
  return actor.roles.some((role) => rule.roles.includes(role));
}

/** What the current person may do, as booleans for the UI (which never re-derives the rules). */
export function presentPolicies<P extends Record<string, PolicyRule>>(rules: P, actor: Actor | null): { [K in keyof P]: boolean } {
  const result = {} as { [K in keyof P]: boolean };
  for (const key of Object.keys(rules) as (keyof P)[]) result[key] = allows(rules[key]!, actor);
  return result;
}
