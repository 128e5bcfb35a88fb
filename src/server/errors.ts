/** An error a user may see: a stable code, a Norwegian message, and the field it concerns. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorSpec {
  status: number;
  message: string;
}

/**
 * A module declares its error codes once, with their HTTP status and Norwegian message; code raises them by
 * code only, so the same situation always reads the same way.
 */
export function defineErrors<C extends string>(specs: Record<C, ErrorSpec>) {
  return (code: C, options: { field?: string; message?: string; details?: Record<string, unknown> } = {}) => {
    const spec = specs[code];
    return new AppError(spec.status, code, options.message ?? spec.message, options.field, options.details);
  };
}

/** Errors every module may raise. */
export const commonError = defineErrors({
  NOT_FOUND: { status: 404, message: 'Fant ikke det du ba om.' },
  UNAUTHENTICATED: { status: 401, message: 'Du må logge inn.' },
  MFA_REQUIRED: { status: 401, message: 'Du må fullføre innloggingen med tofaktor.' },
  NO_ORGANIZATION: { status: 403, message: 'Du har ingen aktiv organisasjon. Velg en organisasjon først.' },
  FORBIDDEN: { status: 403, message: 'Du har ikke tilgang til dette.' },
  CSRF_INVALID: { status: 403, message: 'Forespørselen mangler gyldig sikkerhetstoken. Last siden på nytt.' },
  VALIDATION_FAILED: { status: 400, message: 'Noen felt har ugyldige verdier.' },
  MALFORMED_JSON: { status: 400, message: 'Forespørselen er ikke gyldig JSON.' },
  INVALID_ENCODING: { status: 400, message: 'Forespørselen er ikke gyldig UTF-8.' },
  BODY_TOO_LARGE: { status: 413, message: 'Forespørselen er for stor.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Innholdstypen støttes ikke. Send JSON.' },
  RATE_LIMITED: { status: 429, message: 'For mange forespørsler. Vent litt og prøv igjen.' },
  CONFLICT: { status: 409, message: 'Noen andre har endret dette i mellomtiden. Last inn på nytt og prøv igjen.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Denne adressen finnes ikke.' },
  INTERNAL: { status: 500, message: 'Noe gikk galt hos oss. Prøv igjen, eller kontakt brukerstøtte med forespørsels-ID.' },
});
