/** Kinds of organisation and official language forms (målform). Free of database imports, so the web app can use them. */
export const organizationKinds = ['municipality', 'county', 'cooperation', 'national', 'vendor'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];
export const languageForms = ['bokmal', 'nynorsk', 'neutral'] as const;
export type LanguageForm = (typeof languageForms)[number];
