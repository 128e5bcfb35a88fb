import { defineErrors } from '../../server/errors';

export const actionError = defineErrors({
  NOT_ASSIGNED: { status: 403, message: 'Tiltaket i handlingsplanen er ikke tildelt deg.' },
  FIELD_NOT_ALLOWED: { status: 403, message: 'Du kan bare endre status og skrive fremdriftsnotater på tiltak som er tildelt deg.' },
  OWNER_NOT_MEMBER: { status: 400, message: 'Den ansvarlige må ha tilgang til organisasjonen.' },
  MEASURE_NOT_FOUND: { status: 404, message: 'Fant ikke det felles tiltaket i kravbiblioteket.' },
});
