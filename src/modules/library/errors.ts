import { defineErrors } from '../../server/errors';

export const libraryError = defineErrors({
  LIBRARY_FILE_INVALID: { status: 400, message: 'Biblioteksfila har feil og er ikke importert. Ingenting er endret.' },
  LIBRARY_VERSION_CONFLICT: {
    status: 409,
    message: 'Denne versjonen finnes allerede med annet innhold. Øk versjonsnummeret (version) for å lage en ny versjon.',
  },
  LIBRARY_VERSION_OLDER: { status: 409, message: 'Det finnes allerede en nyere versjon av dette i biblioteket.' },
  LIBRARY_FRAMEWORK_MISSING: { status: 409, message: 'Kryssreferansene viser til et rammeverk som ikke er importert ennå. Importer rammeverket først.' },
  LIBRARY_REFERENCE_MISSING: { status: 400, message: 'Kryssreferansene viser til et krav som ikke finnes i rammeverket.' },
  FRAMEWORK_NOT_FOUND: { status: 404, message: 'Fant ikke rammeverket eller versjonen.' },
  MEASURE_NOT_FOUND: { status: 404, message: 'Fant ikke tiltaket.' },
});
