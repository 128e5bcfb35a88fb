/** Roles in a municipality or county (and a cooperation). */
export const municipalRoles = ['administrator', 'personvernombud', 'sikkerhetsleder', 'bidragsyter', 'leser'] as const;
/** Roles in the national organisation. Its administrator manages the national team's access. */
export const nationalRoles = ['administrator', 'fellesforvalter', 'analytiker'] as const;
/** Roles in a vendor's organisation: a contact who answers the vendor questionnaire in the vendor portal. */
export const vendorRoles = ['leverandor'] as const;
export const allRoles = ['administrator', 'personvernombud', 'sikkerhetsleder', 'bidragsyter', 'leser', 'fellesforvalter', 'analytiker', 'leverandor'] as const;
export type Role = (typeof allRoles)[number];
