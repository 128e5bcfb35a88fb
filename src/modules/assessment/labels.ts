import type { AssessmentStatus } from './schema';
import type { NodeStatus } from './derive';

/**
 * Words shared by the pages and the generated reports, in the three languages, so that the maturity scale
 * and the statuses read the same everywhere.
 */
export type DocumentLanguage = 'nb' | 'nn' | 'en';

export interface MaturityLevel {
  level: number;
  label: string;
  description: string;
}

/** The maturity scale 0–5 (after the usual capability-maturity levels, in our own words). */
export const maturityScale: Record<DocumentLanguage, MaturityLevel[]> = {
  nb: [
    { level: 0, label: 'Ikke eksisterende', description: 'Ingenting er på plass, eller vi vet ikke.' },
    { level: 1, label: 'Initiell', description: 'Gjøres av og til, avhenger av enkeltpersoner og er ikke beskrevet.' },
    { level: 2, label: 'Gjentakbar', description: 'Gjøres jevnlig på samme måte, men er lite dokumentert.' },
    { level: 3, label: 'Definert', description: 'Beskrevet i en fastsatt rutine som alle følger.' },
    { level: 4, label: 'Styrt', description: 'Måles og følges opp av ledelsen, avvik rettes.' },
    { level: 5, label: 'Optimalisert', description: 'Forbedres fortløpende på grunnlag av målinger og erfaringer.' },
  ],
  nn: [
    { level: 0, label: 'Ikkje eksisterande', description: 'Ingenting er på plass, eller vi veit ikkje.' },
    { level: 1, label: 'Initiell', description: 'Blir gjort av og til, er avhengig av einskildpersonar og er ikkje skildra.' },
    { level: 2, label: 'Gjentakbar', description: 'Blir gjort jamleg på same måte, men er lite dokumentert.' },
    { level: 3, label: 'Definert', description: 'Skildra i ein fastsett rutine som alle følgjer.' },
    { level: 4, label: 'Styrt', description: 'Blir målt og følgd opp av leiinga, avvik blir retta.' },
    { level: 5, label: 'Optimalisert', description: 'Blir forbetra fortløpande på grunnlag av målingar og erfaringar.' },
  ],
  en: [
    { level: 0, label: 'Non-existent', description: 'Nothing is in place, or we do not know.' },
    { level: 1, label: 'Initial', description: 'Done now and then, depends on individuals and is not described.' },
    { level: 2, label: 'Repeatable', description: 'Done regularly in the same way, but hardly documented.' },
    { level: 3, label: 'Defined', description: 'Described in an agreed routine that everyone follows.' },
    { level: 4, label: 'Managed', description: 'Measured and followed up by management; deviations are corrected.' },
    { level: 5, label: 'Optimised', description: 'Improved continuously from measurements and experience.' },
  ],
};

export const assessmentStatusLabels: Record<DocumentLanguage, Record<AssessmentStatus, string>> = {
  nb: { not_assessed: 'Ikke vurdert', not_started: 'Ikke startet', partial: 'Delvis innført', implemented: 'Innført', not_relevant: 'Ikke relevant' },
  nn: { not_assessed: 'Ikkje vurdert', not_started: 'Ikkje starta', partial: 'Delvis innført', implemented: 'Innført', not_relevant: 'Ikkje relevant' },
  en: { not_assessed: 'Not assessed', not_started: 'Not started', partial: 'Partly implemented', implemented: 'Implemented', not_relevant: 'Not relevant' },
};

export const nodeStatusLabels: Record<DocumentLanguage, Record<NodeStatus, string>> = {
  nb: { met: 'Oppfylt', partial: 'Delvis – må vurderes', not_met: 'Ikke oppfylt', not_relevant: 'Ikke relevant', not_assessed: 'Ikke vurdert' },
  nn: { met: 'Oppfylt', partial: 'Delvis – må vurderast', not_met: 'Ikkje oppfylt', not_relevant: 'Ikkje relevant', not_assessed: 'Ikkje vurdert' },
  en: { met: 'Met', partial: 'Partly – needs review', not_met: 'Not met', not_relevant: 'Not relevant', not_assessed: 'Not assessed' },
};

export const maturityLabel = (language: DocumentLanguage, level: number | null | undefined): string =>
  level === null || level === undefined ? '' : `${level} – ${maturityScale[language][level]?.label ?? ''}`;
