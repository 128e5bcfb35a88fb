import type { AnyRoute } from '../server/route';
import { actionRoutes } from './actions/routes';
import { assessmentRoutes } from './assessment/routes';
import { auditRoutes } from './audit/routes';
import { dpiaOtherRoutes } from './dpia/other-routes';
import { dpiaRoutes } from './dpia/routes';
import { authRoutes } from './auth/routes';
import { healthRoutes } from './health/routes';
import { libraryRoutes } from './library/routes';
import { organizationRoutes } from './organizations/routes';
import { processingNationalRoutes } from './processing/national-routes';
import { processingOutputRoutes } from './processing/output-routes';
import { processingRoutes } from './processing/routes';
import { reportRoutes } from './reports/routes';
import { riskRoutes } from './risk/routes';
import { systemRoutes } from './systems/routes';
import { meRoutes } from './users/me-routes';
import { userRoutes } from './users/routes';
import { vendorRoutes } from './vendors/routes';

/** Every module's routes. A new module adds one line here; the route-matrix test then covers it. */
export const moduleRoutes: AnyRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...meRoutes,
  ...organizationRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...libraryRoutes,
  ...assessmentRoutes,
  ...actionRoutes,
  ...reportRoutes,
  ...systemRoutes,
  ...vendorRoutes,
  ...processingRoutes,
  ...processingOutputRoutes,
  ...processingNationalRoutes,
  ...riskRoutes,
  ...dpiaRoutes,
  ...dpiaOtherRoutes,
];
