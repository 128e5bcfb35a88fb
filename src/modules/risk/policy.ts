import { definePolicies, localKinds } from '../../server/policy';
import { municipalRoles } from '../users/roles';

/**
 * Who may do what with risk assessments (ROS). Acceptance has a second gate in the service: only the person
 * named as risk owner may accept (not an administrator on their behalf), because acceptance is that person's
 * own decision to live with the residual risk. Any member can be named risk owner, a reader too (a head of
 * service often has no other role), so `accept` is open to every role and the service does the real check.
 */
export const riskPolicies = definePolicies('risk', {
  view: { roles: municipalRoles, kinds: localKinds },
  edit: { roles: ['administrator', 'personvernombud', 'sikkerhetsleder', 'bidragsyter'], kinds: localKinds },
  accept: { roles: municipalRoles, kinds: localKinds },
  /** The municipality's own risk matrix applies to every later assessment, so only the administrator and the security lead set it. */
  configureMatrix: { roles: ['administrator', 'sikkerhetsleder'], kinds: localKinds },
});
