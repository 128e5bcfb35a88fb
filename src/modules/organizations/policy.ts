import { definePolicies, everyKind, nationalKinds } from '../../server/policy';
import { allRoles } from '../users/roles';

export const organizationPolicies = definePolicies('organizations', {
  /** The organisation's own start page: its profile and who has access. */
  view: { roles: allRoles, kinds: everyKind },
  editSettings: { roles: ['administrator'], kinds: everyKind },
  /** The national registry of all organisations. */
  viewRegistry: { roles: ['administrator', 'fellesforvalter', 'analytiker'], kinds: nationalKinds },
  /** Onboarding: invite a municipality's first administrator. */
  manageRegistry: { roles: ['administrator', 'fellesforvalter'], kinds: nationalKinds },
  /** Register inter-municipal cooperations (national content: the fellesforvalter). */
  manageCooperations: { roles: ['fellesforvalter'], kinds: nationalKinds },
});
