import { definePolicies, localKinds, nationalKinds } from '../../server/policy';
import { municipalRoles, nationalRoles, vendorRoles, type Role } from '../users/roles';

/** Everyone in a municipality, county, cooperation or the national team; never a vendor's own contact. */
const staffRoles: readonly Role[] = [...new Set<Role>([...municipalRoles, ...nationalRoles])];

export const vendorPolicies = definePolicies('vendors', {
  /** The national registry with each vendor's central follow-up. */
  view: { roles: staffRoles, kinds: [...localKinds, ...nationalKinds] },
  /** Maintain the registry, send questionnaires, review answers, record findings and publish changes. */
  manage: { roles: ['fellesforvalter'], kinds: nationalKinds },
  /** Which vendors serve the most municipalities (counts only) and which are due for follow-up. */
  viewUsage: { roles: ['administrator', 'fellesforvalter', 'analytiker'], kinds: nationalKinds },
  /** The municipality's own details about a vendor: its signed DPA, local contact and notes. */
  editLocal: { roles: ['administrator', 'personvernombud', 'sikkerhetsleder'], kinds: localKinds },
});

/** The vendor portal: a vendor's contact answers the vendor's own questionnaires, and sees nothing else. */
export const vendorPortalPolicies = definePolicies('vendorPortal', {
  answer: { roles: vendorRoles, kinds: ['vendor'] },
});

export const notificationPolicies = definePolicies('notifications', {
  view: { roles: municipalRoles, kinds: localKinds },
});
