import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
/** Optimistic concurrency: a write must name the version it read, so a conflicting edit is detected. */
export const rowVersion = () => integer('version').notNull().default(1);
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
