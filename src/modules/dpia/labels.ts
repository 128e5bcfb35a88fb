/** Bokmål names of the twelve principles, for documents (the UI has them in nb, nn and en). */
export const principleNames: Record<string, string> = {
  purposes: 'Formål',
  legal_basis: 'Rettslig grunnlag',
  minimisation: 'Dataminimering',
  accuracy: 'Riktige opplysninger',
  retention: 'Lagringstid',
  information: 'Informasjon til de registrerte',
  consent: 'Samtykke',
  access_portability: 'Innsyn og dataportabilitet',
  rectification_erasure: 'Retting og sletting',
  restriction_objection: 'Begrensning og protest',
  processors: 'Databehandlere',
  transfers: 'Overføring ut av EØS',
};
