import { definePolicies } from '../../server/policy';
import { editorRoles } from '../assessment/policy';

export const reportPolicies = definePolicies('reports', {
  /** The status PDF and the Excel export show the whole organisation: not for a bidragsyter. */
  download: { roles: [...editorRoles, 'leser'] },
});
