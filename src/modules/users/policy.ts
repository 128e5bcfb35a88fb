import { definePolicies, everyKind } from '../../server/policy';
import { allRoles } from './roles';

export const userPolicies = definePolicies('users', {
  /** Who has access: every member may see the list. */
  viewMembers: { roles: allRoles, kinds: everyKind },
  /** Invite, change roles, remove access. */
  manageMembers: { roles: ['administrator'], kinds: everyKind },
});
