/** The GDPR library file is about 1.2 MB; room for larger ones, not for anything. Shared with the web app. */
export const IMPORT_MAX_CHARS = 6_000_000;
