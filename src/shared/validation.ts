import { z } from 'zod';

/**
 * Norwegian messages for every validation error, on the server and in the browser alike. Messages speak to
 * the person filling in the form, not to a programmer.
 */
export const norwegianErrors: z.core.$ZodConfig['customError'] = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Feltet må fylles ut.';
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'Må være et tall.'
        : issue.expected === 'boolean'
          ? 'Må være ja eller nei.'
          : issue.expected === 'array'
            ? 'Må være en liste.'
            : issue.expected === 'object'
              ? 'Må være et objekt.'
              : 'Har feil type.';
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'Feltet må fylles ut.' : `Må ha minst ${issue.minimum} tegn.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Må ha minst ${issue.minimum} element.`;
      return `Må være minst ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Kan ha høyst ${issue.maximum} tegn.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Kan ha høyst ${issue.maximum} element.`;
      return `Kan være høyst ${issue.maximum}.`;
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'Må være en gyldig e-postadresse.';
        case 'uuid':
          return 'Må være en gyldig ID.';
        case 'url':
          return 'Må være en gyldig nettadresse.';
        case 'date':
        case 'datetime':
          return 'Må være en gyldig dato.';
        case 'regex':
          return 'Har feil format.';
        default:
          return 'Har feil format.';
      }
    case 'invalid_value':
      return 'Er ikke et av de tillatte valgene.';
    case 'unrecognized_keys':
      return `Ukjent felt: ${issue.keys.join(', ')}.`;
    case 'not_multiple_of':
      return 'Har feil verdi.';
    case 'invalid_union':
      return 'Har ugyldig verdi.';
    default:
      return 'Har ugyldig verdi.';
  }
};

z.config({ customError: norwegianErrors });

/** Text from a person: trimmed, bounded, and free of control characters that have no place in a form. */
export const text = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), 'Inneholder ugyldige tegn.');

export const requiredText = (max = 500) => text(max).pipe(z.string().min(1, 'Feltet må fylles ut.'));

export const email = () =>
  z
    .string()
    .trim()
    .max(254)
    .pipe(z.email('Må være en gyldig e-postadresse.'))
    .transform((v) => v.toLowerCase());

export const uuid = () => z.uuid('Må være en gyldig ID.');

export const isoDate = () => z.iso.date('Må være en gyldig dato (ÅÅÅÅ-MM-DD).');

export { z };
