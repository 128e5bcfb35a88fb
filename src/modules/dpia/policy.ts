import { definePolicies, localKinds, nationalKinds } from '../../server/policy';
import { municipalRoles } from '../users/roles';

export const dpiaPolicies = definePolicies('dpia', {
  /** The organisation's screenings and DPIAs, their versions and documents. */
  view: { roles: municipalRoles, kinds: localKinds },
  /** Screen an activity, start a DPIA, edit a draft, send it to the DPO, decide on template proposals. */
  edit: { roles: ['administrator', 'sikkerhetsleder', 'bidragsyter', 'personvernombud'], kinds: localKinds },
  /** The DPO's opinion: send the DPIA on for approval or back to draft with remarks. */
  review: { roles: ['personvernombud'], kinds: localKinds },
  /** Approve the DPIA and its residual risk (the responsible leader). */
  approve: { roles: ['administrator'], kinds: localKinds },
  /** The national DPIA templates as the national team sees them. */
  viewTemplates: { roles: ['fellesforvalter', 'analytiker'], kinds: nationalKinds },
  /** Publish a new version of a national DPIA template. */
  publishTemplates: { roles: ['fellesforvalter'], kinds: nationalKinds },
});
