// Every module's policies, so /api/me can tell the UI what the person may do everywhere.
import { actionPolicies } from './actions/policy';
import { assessmentPolicies } from './assessment/policy';
import { auditPolicies } from './audit/policy';
import { dpiaPolicies } from './dpia/policy';
import { libraryPolicies } from './library/policy';
import { organizationPolicies } from './organizations/policy';
import { processingPolicies } from './processing/policy';
import { reportPolicies } from './reports/policy';
import { riskPolicies } from './risk/policy';
import { systemPolicies } from './systems/policy';
import { userPolicies } from './users/policy';
import { notificationPolicies, vendorPolicies, vendorPortalPolicies } from './vendors/policy';

export const allPolicies = {
  organizations: organizationPolicies,
  users: userPolicies,
  audit: auditPolicies,
  library: libraryPolicies,
  assessment: assessmentPolicies,
  actions: actionPolicies,
  reports: reportPolicies,
  systems: systemPolicies,
  vendors: vendorPolicies,
  vendorPortal: vendorPortalPolicies,
  notifications: notificationPolicies,
  processing: processingPolicies,
  risk: riskPolicies,
  dpia: dpiaPolicies,
};
