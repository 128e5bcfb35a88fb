import { defineErrors } from '../../server/errors';

export const systemsError = defineErrors({
  SYSTEM_NOT_FOUND: { status: 404, message: 'Fant ikke systemet.' },
  NAME_TAKEN: { status: 409, message: 'Det finnes allerede et system med dette navnet.' },
  DEPENDENCY_INVALID: { status: 400, message: 'Et system det avhenger av, finnes ikke i kommunens systemoversikt.' },
  DEPENDENCY_SELF: { status: 400, message: 'Et system kan ikke avhenge av seg selv.' },
  VENDOR_NOT_FOUND: { status: 400, message: 'Leverandøren finnes ikke i det nasjonale registeret.' },
  PRODUCT_MISMATCH: { status: 400, message: 'Produktet hører ikke til den valgte leverandøren.' },
  IMPORT_UNREADABLE: { status: 400, message: 'Filen kunne ikke leses. Bruk Excel (.xlsx) eller CSV med overskriftsrad.' },
  IMPORT_EMPTY: { status: 400, message: 'Filen har ingen rader med systemer.' },
  IMPORT_INVALID: { status: 400, message: 'Filen har feil. Ingenting er importert. Rett feilene og prøv igjen.' },
  IMPORT_TOO_LARGE: { status: 400, message: 'Filen har for mange rader (høyst 2000).' },
});
