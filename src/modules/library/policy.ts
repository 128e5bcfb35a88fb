import { definePolicies, localKinds, nationalKinds } from '../../server/policy';
import { allRoles } from '../users/roles';

export const libraryPolicies = definePolicies('library', {
  /**
   * The requirement library and the common measures: national content every municipality, county, cooperation
   * and the national team reads. A vendor's contact sees only its own questionnaire (in the portal).
   */
  read: { roles: allRoles, kinds: [...localKinds, ...nationalKinds] },
  /** Import library files and see the national team's import page: only the national content team. */
  import: { roles: ['fellesforvalter'], kinds: nationalKinds },
  /** What a new version means for the organisation's own answers. */
  viewVersionImpact: { roles: allRoles, kinds: localKinds },
  /** Move the organisation to another version of a framework (its answers are kept). */
  adoptVersion: { roles: ['administrator', 'personvernombud', 'sikkerhetsleder'], kinds: localKinds },
});
