import { definePolicies, localKinds } from '../../server/policy';
import { municipalRoles } from '../users/roles';

export const systemPolicies = definePolicies('systems', {
  /** The municipality's own system inventory and its overviews. */
  view: { roles: municipalRoles, kinds: localKinds },
  /** Register, change, import and delete systems. */
  edit: { roles: ['administrator', 'personvernombud', 'sikkerhetsleder'], kinds: localKinds },
});
