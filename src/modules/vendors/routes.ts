import { nationalRoutes } from './national-routes';
import { notificationRoutes } from './notification-routes';
import { portalRoutes } from './portal-routes';
import { registryRoutes } from './registry-routes';

export const vendorRoutes = [...nationalRoutes, ...registryRoutes, ...portalRoutes, ...notificationRoutes];
