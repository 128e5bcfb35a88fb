import { definePolicies, localKinds, nationalKinds } from '../../server/policy';
import { municipalRoles } from '../users/roles';

export const processingPolicies = definePolicies('processing', {
  /** The organisation's own record of processing, its proposals and its documents. */
  view: { roles: municipalRoles, kinds: localKinds },
  /** Adopt templates, fill in and override fields, record local and processor activities, decide on proposals. */
  edit: { roles: ['administrator', 'personvernombud', 'sikkerhetsleder'], kinds: localKinds },
  /** The national templates as the national team sees them (every version, notes for review). */
  viewTemplates: { roles: ['administrator', 'fellesforvalter', 'analytiker'], kinds: nationalKinds },
  /** Edit a template and publish a new version (national content: the fellesforvalter only). */
  publishTemplates: { roles: ['fellesforvalter'], kinds: nationalKinds },
});
