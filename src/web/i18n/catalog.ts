import { authMessages } from '../features/auth/messages';
import { auditMessages } from '../features/audit/messages';
import { libraryMessages } from '../features/library/messages';
import { organizationMessages } from '../features/organization/messages';
import { profileMessages } from '../features/profile/messages';
import { registryMessages } from '../features/registry/messages';
import { usersMessages } from '../features/users/messages';
import { processingMessages } from '../features/processing/messages';
import { processingTermMessages } from '../features/processing/term-messages';
import { assessmentMessages } from '../features/assessment/messages';
import { actionMessages } from '../features/actions/messages';
import { reportMessages } from '../features/reports/messages';
import { riskMessages } from '../features/risk/messages';
import { systemsMessages } from '../features/systems/messages';
import { vendorsMessages } from '../features/vendors/messages';
import { vendorPortalMessages } from '../features/vendor-portal/messages';
import { dpiaMessages } from '../features/dpia/messages';
import { commonMessages } from './common';
import type { Language } from './define';

// Every feature's messages, merged per language. A new feature adds its catalogue to this list.
const parts = [
  commonMessages,
  authMessages,
  organizationMessages,
  usersMessages,
  auditMessages,
  registryMessages,
  profileMessages,
  libraryMessages,
  assessmentMessages,
  actionMessages,
  reportMessages,
  processingMessages,
  processingTermMessages,
  systemsMessages,
  vendorsMessages,
  vendorPortalMessages,
  riskMessages,
  dpiaMessages,
] as const;

/** Every catalogue, for the test that no two features define the same key (the later would win silently). */
export const catalogueParts: readonly { nb: Record<string, string> }[] = parts;

type Part = (typeof parts)[number];
type KeysOf<P> = P extends { nb: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<Part>;

function merge(language: Language): Record<MessageKey, string> {
  return Object.assign({}, ...parts.map((part) => part[language])) as Record<MessageKey, string>;
}

export const catalogs: Record<Language, Record<MessageKey, string>> = { nb: merge('nb'), nn: merge('nn'), en: merge('en') };
