import { defineErrors } from '../../server/errors';

export const vendorsError = defineErrors({
  VENDOR_NOT_FOUND: { status: 404, message: 'Fant ikke leverandøren i det nasjonale registeret.' },
  PRODUCT_NOT_FOUND: { status: 404, message: 'Fant ikke produktet hos denne leverandøren.' },
  ORGANIZATION_NUMBER_INVALID: { status: 400, message: 'Organisasjonsnummeret er ikke gyldig (9 sifre med riktig kontrollsiffer).' },
  TEMPLATE_NOT_FOUND: { status: 404, message: 'Fant ikke spørreskjemaet.' },
  QUESTIONNAIRE_NOT_FOUND: { status: 404, message: 'Fant ikke spørreskjemaet.' },
  QUESTIONNAIRE_LOCKED: { status: 409, message: 'Spørreskjemaet er sendt inn og kan ikke endres.' },
  QUESTIONNAIRE_INCOMPLETE: { status: 400, message: 'Noen spørsmål mangler svar.' },
  QUESTIONNAIRE_NOT_SUBMITTED: { status: 409, message: 'Leverandøren har ikke sendt inn svarene ennå.' },
  QUESTION_UNKNOWN: { status: 400, message: 'Spørsmålet finnes ikke i dette spørreskjemaet.' },
  ANSWER_INVALID: { status: 400, message: 'Svaret er ikke et av valgene for spørsmålet.' },
  FINDING_NOT_FOUND: { status: 404, message: 'Fant ikke funnet.' },
});
