import { defineErrors } from '../../server/errors';

export const assessmentError = defineErrors({
  MEASURE_NOT_FOUND: { status: 404, message: 'Fant ikke tiltaket i kravbiblioteket.' },
  QUESTION_NOT_FOUND: { status: 404, message: 'Fant ikke spørsmålet i kravbiblioteket.' },
  FRAMEWORK_NOT_FOUND: { status: 404, message: 'Fant ikke rammeverket.' },
  NOT_ASSIGNED: { status: 403, message: 'Tiltaket er ikke tildelt deg. Be personvernombudet eller sikkerhetslederen om å tildele det.' },
  OWNER_CHANGE_NOT_ALLOWED: { status: 403, message: 'Bare personvernombud, sikkerhetsleder og administrator kan endre hvem som er ansvarlig.' },
  REASON_REQUIRED: { status: 400, message: 'Skriv hvorfor tiltaket ikke er relevant for dere.' },
  OWNER_NOT_MEMBER: { status: 400, message: 'Den ansvarlige må ha tilgang til organisasjonen.' },
  ANSWER_INVALID: { status: 400, message: 'Svaret passer ikke til spørsmålet.' },
  EVIDENCE_TOO_LARGE: { status: 413, message: 'Filen er for stor. Største tillatte størrelse er 10 MB.' },
  EVIDENCE_EMPTY: { status: 400, message: 'Filen er tom.' },
  EVIDENCE_TYPE_NOT_ALLOWED: { status: 415, message: 'Filtypen er ikke tillatt. Last opp PDF, PNG, JPEG, Word (docx), Excel (xlsx), tekst (txt) eller CSV.' },
  EVIDENCE_TYPE_MISMATCH: { status: 415, message: 'Innholdet i filen stemmer ikke med filendelsen.' },
  EVIDENCE_LINK_INVALID: { status: 400, message: 'Lenken må begynne med http:// eller https://.' },
});
