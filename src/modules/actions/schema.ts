import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns';
import { tenantPolicies } from '../../db/rls';
import { actions } from '../assessment/schema';
import { organizations } from '../organizations/schema';
import { users } from '../users/schema';

/** Progress notes on an action (what was done, what is blocking): append-only, newest last. */
export const actionNotes = pgTable(
  'action_notes',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('action_notes_action_idx').on(t.organizationId, t.actionId, t.createdAt), ...tenantPolicies(t.organizationId)],
);
