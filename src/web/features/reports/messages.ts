import { defineMessages } from '../../i18n/define';

export const reportMessages = defineMessages({
  nb: {
    'nav.reports': 'Rapporter',
    'reports.lead': 'Last ned status og hele egenvurderingen. Rapportene lages på organisasjonens dokumentspråk ({language}).',
    'reports.statusTitle': 'Status til kommunedirektøren (PDF)',
    'reports.statusText': 'Én side: modenhet per område, samsvar per rammeverk, de største manglene, de neste tiltakene og hva kommunedirektøren må ta stilling til.',
    'reports.excelTitle': 'Egenvurdering og handlingsplan (Excel)',
    'reports.excelText': 'Alle felles tiltak med status, modenhet, ansvarlig og kommentar, hele handlingsplanen, samsvar per rammeverk og modenhetsskalaen.',
    'reports.downloadPdf': 'Last ned statusrapporten (PDF)',
    'reports.downloadExcel': 'Last ned egenvurderingen (Excel)',
    'reports.confidential': 'Rapportene inneholder opplysninger om sikkerhetstiltak. Del dem bare med dem som trenger dem, og vurder om de skal unntas offentlighet.',
  },
  nn: {
    'nav.reports': 'Rapportar',
    'reports.lead': 'Last ned status og heile eigenvurderinga. Rapportane blir laga på dokumentspråket til organisasjonen ({language}).',
    'reports.statusTitle': 'Status til kommunedirektøren (PDF)',
    'reports.statusText': 'Éi side: modnad per område, samsvar per rammeverk, dei største manglane, dei neste tiltaka og kva kommunedirektøren må ta stilling til.',
    'reports.excelTitle': 'Eigenvurdering og handlingsplan (Excel)',
    'reports.excelText': 'Alle felles tiltak med status, modnad, ansvarleg og kommentar, heile handlingsplanen, samsvar per rammeverk og modnadsskalaen.',
    'reports.downloadPdf': 'Last ned statusrapporten (PDF)',
    'reports.downloadExcel': 'Last ned eigenvurderinga (Excel)',
    'reports.confidential': 'Rapportane inneheld opplysningar om tryggingstiltak. Del dei berre med dei som treng dei, og vurder om dei skal unntakast offentlegheit.',
  },
  en: {
    'nav.reports': 'Reports',
    'reports.lead': "Download the status and the whole self-assessment. Reports are made in the organisation's document language ({language}).",
    'reports.statusTitle': 'Status for the chief executive (PDF)',
    'reports.statusText': 'One page: maturity by area, compliance by framework, the largest gaps, the next actions and what the chief executive must decide.',
    'reports.excelTitle': 'Self-assessment and action plan (Excel)',
    'reports.excelText': 'Every common measure with status, maturity, owner and comment, the whole action plan, compliance by framework and the maturity scale.',
    'reports.downloadPdf': 'Download the status report (PDF)',
    'reports.downloadExcel': 'Download the self-assessment (Excel)',
    'reports.confidential': 'The reports contain information about security measures. Share them only with those who need them, and consider exempting them from public access.',
  },
});
