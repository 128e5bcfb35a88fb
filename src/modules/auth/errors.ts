import { defineErrors } from '../../server/errors';

export const authError = defineErrors({
  LOGIN_FAILED: { status: 401, message: 'Feil e-postadresse eller passord.' },
  ACCOUNT_LOCKED: { status: 423, message: 'Kontoen er midlertidig låst etter for mange mislykkede forsøk. Prøv igjen om 15 minutter.' },
  MFA_CODE_INVALID: { status: 401, message: 'Koden er feil eller utløpt. Bruk koden som vises i appen akkurat nå.' },
  MFA_NOT_ENROLLED: { status: 409, message: 'Tofaktorinnlogging er ikke satt opp ennå.' },
  MFA_ENROLMENT_NOT_STARTED: { status: 409, message: 'Start oppsettet av tofaktorinnlogging på nytt.' },
  NOT_A_MEMBER: { status: 403, message: 'Du er ikke medlem av denne organisasjonen.' },
  OIDC_NOT_CONFIGURED: { status: 404, message: 'Innlogging med virksomhetskonto er ikke satt opp.' },
  OIDC_FAILED: { status: 401, message: 'Innloggingen hos identitetsleverandøren mislyktes. Prøv igjen.' },
  OIDC_NO_ACCOUNT: { status: 403, message: 'Du har ingen konto i Samsvar. Be administratoren i kommunen om en invitasjon.' },
});
