import { definePolicies } from '../../server/policy';
import { editorRoles, scopeFor } from '../assessment/policy';
import type { Actor } from '../../server/policy';

export const actionPolicies = definePolicies('actions', {
  /** The action plan; a bidragsyter sees only the actions assigned to them. */
  view: { roles: [...editorRoles, 'leser', 'bidragsyter'] },
  viewAll: { roles: [...editorRoles, 'leser'] },
  /** Create, generate from gaps, change anything, assign owners. */
  edit: { roles: editorRoles },
  /** Move one's own actions along (status) and write progress notes. */
  updateAssigned: { roles: [...editorRoles, 'bidragsyter'] },
});

export const actionScope = (actor: Actor) => scopeFor(actor, actionPolicies.viewAll, actionPolicies.edit, actionPolicies.updateAssigned);
