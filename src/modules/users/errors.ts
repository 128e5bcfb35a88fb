import { defineErrors } from '../../server/errors';

export const usersError = defineErrors({
  ALREADY_MEMBER: { status: 409, message: 'Personen har allerede denne rollen i organisasjonen.' },
  ROLE_NOT_ALLOWED: { status: 400, message: 'Rollen finnes ikke for denne typen organisasjon.' },
  LAST_ADMINISTRATOR: { status: 409, message: 'Organisasjonen må ha minst én administrator. Gi rollen til en annen først.' },
  INVITATION_INVALID: { status: 404, message: 'Invitasjonen finnes ikke eller er allerede brukt.' },
  INVITATION_EXPIRED: { status: 410, message: 'Invitasjonen har utløpt. Be administratoren om en ny.' },
  INVITATION_OTHER_EMAIL: { status: 403, message: 'Invitasjonen gjelder en annen e-postadresse enn den du er logget inn med.' },
  ACCOUNT_EXISTS: { status: 409, message: 'Det finnes allerede en konto med denne e-postadressen. Logg inn for å ta imot invitasjonen.' },
  PASSWORD_WRONG: { status: 400, message: 'Nåværende passord er feil.' },
  PASSWORD_WEAK: { status: 400, message: 'Passordet er for svakt. Bruk minst 12 tegn, og ikke e-postadressen din.' },
});
