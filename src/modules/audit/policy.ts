import { definePolicies, everyKind } from '../../server/policy';

export const auditPolicies = definePolicies('audit', {
  view: { roles: ['administrator'], kinds: everyKind },
});
