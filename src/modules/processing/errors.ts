import { defineErrors } from '../../server/errors';

export const processingError = defineErrors({
  TEMPLATE_NOT_FOUND: { status: 404, message: 'Fant ikke malen.' },
  UNKNOWN_SERVICE_AREA: { status: 400, message: 'Tjenesteområdet finnes ikke.' },
  ALREADY_ADOPTED: { status: 409, message: 'Kommunen har allerede tatt i bruk denne malen.' },
  NOT_ALLOWED_FOR_KIND: { status: 400, message: 'Feltet kan ikke brukes i denne typen behandling.' },
  UNKNOWN_SYSTEM: { status: 400, message: 'Systemet finnes ikke i kommunens systemoversikt.' },
  UNKNOWN_VENDOR: { status: 400, message: 'Leverandøren finnes ikke i leverandørregisteret.' },
  DUPLICATE_LINK: { status: 400, message: 'Samme system eller leverandør står to ganger.' },
  PROPOSAL_DECIDED: { status: 409, message: 'Forslaget er allerede avgjort.' },
  CONFLICT_UNRESOLVED: { status: 400, message: 'Velg om du vil beholde din verdi eller ta den nye for hvert felt i konflikt.' },
  TEMPLATE_UNCHANGED: { status: 400, message: 'Malen er ikke endret. Gjør en endring før du publiserer en ny versjon.' },
  TEMPLATE_INVALID: { status: 400, message: 'Malen har feil som må rettes før den kan publiseres.' },
  CONTENT_INVALID: { status: 500, message: 'Innholdet i content/processing har feil. Kjør innholdskontrollen.' },
});
