import { defineErrors } from '../../server/errors';

export const dpiaError = defineErrors({
  ENTRY_NOT_FOUND: { status: 400, message: 'Behandlingen finnes ikke i kommunens behandlingsprotokoll.' },
  TEMPLATE_NOT_FOUND: { status: 404, message: 'Fant ikke DPIA-malen.' },
  CRITERIA_INCOMPLETE: { status: 400, message: 'Svar ja eller nei på alle de ni kriteriene.' },
  REASON_REQUIRED: { status: 400, message: 'Skriv en kort begrunnelse for kriteriet.' },
  UNKNOWN_LIST_ITEM: { status: 400, message: 'Punktet finnes ikke på Datatilsynets liste.' },
  UNKNOWN_FIELD: { status: 400, message: 'Feltet kan ikke fylles ut lokalt i denne vurderingen.' },
  INVALID_VALUE: { status: 400, message: 'Verdien passer ikke til feltet.' },
  UNKNOWN_SYSTEM: { status: 400, message: 'Systemet finnes ikke i kommunens systemoversikt.' },
  UNKNOWN_PERSON: { status: 400, message: 'Personen er ikke medlem i kommunen.' },
  UNKNOWN_MEASURE: { status: 400, message: 'Tiltaket finnes ikke i vurderingen.' },
  DUPLICATE_ID: { status: 400, message: 'Samme id er brukt to ganger.' },
  VERSION_READ_ONLY: { status: 409, message: 'Denne versjonen er godkjent og kan ikke endres. Endringer lagres som en ny versjon.' },
  WRONG_STATUS: { status: 409, message: 'Vurderingen har ikke riktig status for dette steget.' },
  INCOMPLETE: { status: 400, message: 'Fyll ut de lokale feltene før vurderingen sendes til personvernombudet.' },
  OPINION_REQUIRED: { status: 400, message: 'Skriv personvernombudets uttalelse.' },
  REMARKS_REQUIRED: { status: 400, message: 'Skriv hva som må rettes før vurderingen sendes tilbake.' },
  PROPOSAL_DECIDED: { status: 409, message: 'Forslaget er allerede avgjort.' },
  TEMPLATE_UNCHANGED: { status: 400, message: 'Malen er ikke endret. Gjør en endring før du publiserer en ny versjon.' },
});
