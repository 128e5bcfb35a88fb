import { defineErrors } from '../../server/errors';

export const riskError = defineErrors({
  ASSESSMENT_NOT_FOUND: { status: 404, message: 'Fant ikke risikovurderingen.' },
  RISK_NOT_FOUND: { status: 404, message: 'Fant ikke risikoen.' },
  MEASURE_NOT_FOUND: { status: 404, message: 'Fant ikke tiltaket.' },
  ASSESSMENT_ACCEPTED: { status: 409, message: 'Risikovurderingen er godkjent og kan ikke endres. Start en revisjon for å endre den.' },
  HAS_ACCEPTED_VERSIONS: { status: 409, message: 'Risikovurderingen har godkjente versjoner og kan ikke slettes.' },
  NOT_ACCEPTED: { status: 409, message: 'Bare en godkjent risikovurdering kan revideres.' },
  NOT_RISK_OWNER: { status: 403, message: 'Bare risikoeieren kan godkjenne risikovurderingen.' },
  NO_RISK_OWNER: { status: 400, message: 'Velg en risikoeier før risikovurderingen godkjennes.' },
  OWNER_NOT_MEMBER: { status: 400, message: 'Risikoeieren må være medlem av kommunen.' },
  SUBJECT_REQUIRED: { status: 400, message: 'Velg hva som skal vurderes.' },
  UNKNOWN_SYSTEM: { status: 400, message: 'Systemet finnes ikke i kommunens systemoversikt.' },
  UNKNOWN_PROCESSING_ENTRY: { status: 400, message: 'Behandlingen finnes ikke i kommunens behandlingsprotokoll.' },
  UNKNOWN_THREAT: { status: 400, message: 'Trusselen finnes ikke i trusselkatalogen.' },
  THREAT_ALREADY_ADDED: { status: 409, message: 'Trusselen er allerede vurdert i denne risikovurderingen.' },
  TITLE_REQUIRED: { status: 400, message: 'Skriv hva trusselen er.' },
  UNKNOWN_MEASURE: { status: 400, message: 'Det felles tiltaket finnes ikke i biblioteket.' },
  UNSCORED_RISKS: { status: 400, message: 'Alle risikoer må ha sannsynlighet og konsekvens før risikovurderingen godkjennes.' },
  CONTENT_INVALID: { status: 500, message: 'Innholdet i content/risk har feil. Kjør innholdskontrollen.' },
});
