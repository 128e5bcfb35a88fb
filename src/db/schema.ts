// Every module's tables, for drizzle-kit and for typed queries. Add a module's schema here when it gets one.
export * from '../modules/organizations/schema';
export * from '../modules/users/schema';
export * from '../modules/auth/schema';
export * from '../modules/audit/schema';
export * from '../modules/library/schema';
export * from '../modules/systems/schema';
export * from '../modules/vendors/schema';
export * from '../modules/assessment/schema';
export * from '../modules/processing/schema';
export * from '../modules/actions/schema';
export * from '../modules/vendors/questionnaire-schema';
export * from '../modules/vendors/local-schema';
export * from '../modules/vendors/notification-schema';
export * from '../modules/risk/schema';
export * from '../modules/dpia/schema';
