/**
 * The fixed text of the privacy notice (personvernerklæring), in bokmål and nynorsk, in our own words. Legal
 * references by identifier. {org}, {dpo}, {date} and {names} are filled in by privacy-notice.ts.
 */

export interface NoticeTexts {
  title: string;
  intro: string;
  controllerHeading: string;
  controller: string;
  dpoHeading: string;
  dpo: string;
  dpoMissing: string;
  activitiesHeading: string;
  activitiesIntro: string;
  purposes: string;
  legalBasis: string;
  specialBasis: string;
  criminalBasis: string;
  dataSubjects: string;
  dataCategories: string;
  specialCategories: string;
  sources: string;
  recipients: string;
  noRecipients: string;
  retention: string;
  transfersHeading: string;
  transfersNone: string;
  transfersSome: string;
  automationHeading: string;
  automationNone: string;
  automationSome: string;
  rightsHeading: string;
  rights: string[];
  complaintHeading: string;
  complaint: string;
  draftNote: string;
  basis: Record<string, string>;
  see: string;
}

export const noticeTexts: Record<'nb' | 'nn', NoticeTexts> = {
  nb: {
    title: 'Personvernerklæring for {org}',
    intro:
      '{org} behandler personopplysninger om innbyggere, brukere av tjenestene, ansatte og andre for å kunne gi tjenester og gjøre de oppgavene kommunen har etter loven. Her forklarer vi hvilke opplysninger vi behandler og hvorfor, hva som gir oss lov til det, hvem vi deler dem med, hvor lenge vi lagrer dem, og hvilke rettigheter du har.',
    controllerHeading: 'Hvem er ansvarlig',
    controller:
      '{org} er behandlingsansvarlig for behandlingene som er beskrevet her. Kommunedirektøren har det daglige ansvaret. Hver tjeneste har en ansvarlig enhet som du kan kontakte om opplysningene dine.',
    dpoHeading: 'Personvernombudet',
    dpo: 'Kommunen har et personvernombud som gir råd om personvern og som du kan kontakte om hvordan vi behandler opplysninger om deg: {dpo}.',
    dpoMissing: '[Fyll inn kontaktopplysningene til personvernombudet i kommuneprofilen.]',
    activitiesHeading: 'Hva vi bruker personopplysninger til',
    activitiesIntro: 'Oversikten er ordnet etter tjenesteområde. For hver behandling står formålet, hva som gir oss lov til å behandle opplysningene, hvem det gjelder, hvor opplysningene kommer fra, hvem vi deler dem med og hvor lenge vi lagrer dem.',
    purposes: 'Formål',
    legalBasis: 'Dette gir oss lov til å behandle opplysningene',
    specialBasis: 'Særlige kategorier av opplysninger behandles etter',
    criminalBasis: 'Opplysninger om straffbare forhold behandles etter',
    dataSubjects: 'Hvem opplysningene gjelder',
    dataCategories: 'Hvilke opplysninger',
    specialCategories: 'Særlige kategorier av opplysninger',
    sources: 'Hvor vi henter opplysningene',
    recipients: 'Hvem vi deler opplysningene med',
    noRecipients: 'Vi deler ikke opplysningene med andre utenfor kommunen.',
    retention: 'Hvor lenge vi lagrer opplysningene',
    transfersHeading: 'Overføring til land utenfor EØS',
    transfersNone: 'Vi overfører ikke personopplysningene i disse behandlingene til land utenfor EØS.',
    transfersSome: 'I disse behandlingene kan opplysninger bli overført til land utenfor EØS: {names}. Det skjer bare med et gyldig overføringsgrunnlag etter personvernforordningen kapittel V (art. 44–49).',
    automationHeading: 'Automatiserte avgjørelser',
    automationNone: 'Vi treffer ikke avgjørelser om deg som bare bygger på automatisert behandling (GDPR art. 22).',
    automationSome: 'I disse behandlingene brukes automatiserte avgjørelser eller profilering: {names}. Du kan be om at et menneske ser på saken din, og du kan uttale deg og klage (GDPR art. 22).',
    rightsHeading: 'Dine rettigheter',
    rights: [
      'Du har rett til å få vite om vi behandler opplysninger om deg, og til å få innsyn i dem (GDPR art. 15).',
      'Du kan be oss rette opplysninger som er feil eller ufullstendige (art. 16).',
      'Du kan be oss slette opplysninger (art. 17). Opplysninger vi må bevare etter arkivlova eller andre regler, kan vi likevel ikke slette.',
      'Du kan be oss begrense behandlingen mens vi vurderer en innsigelse fra deg (art. 18).',
      'Når behandlingen bygger på en oppgave i allmennhetens interesse eller myndighetsutøvelse, kan du protestere mot den på grunn av din særlige situasjon (art. 21).',
      'Når behandlingen bygger på samtykke eller avtale og skjer automatisert, kan du be om å få opplysningene dine utlevert i et maskinlesbart format (art. 20). Et samtykke kan du trekke tilbake når som helst.',
      'Vi svarer uten ugrunnet opphold og senest innen én måned (art. 12(3)). Det koster ingenting.',
    ],
    complaintHeading: 'Klage',
    complaint: 'Mener du at vi behandler opplysninger om deg i strid med reglene, kan du klage til Datatilsynet (GDPR art. 77). Ta gjerne kontakt med oss eller personvernombudet først, så kan vi ofte rydde opp raskt.',
    draftNote: 'Utkast laget {date} fra kommunens behandlingsprotokoll i Samsvar. Les gjennom, tilpass og få det godkjent før det publiseres.',
    basis: {
      '6(1)(a)': 'samtykke fra deg',
      '6(1)(b)': 'en avtale med deg',
      '6(1)(c)': 'en rettslig plikt kommunen har',
      '6(1)(d)': 'behovet for å verne noens vitale interesser',
      '6(1)(e)': 'en oppgave i allmennhetens interesse eller utøvelse av offentlig myndighet',
      '6(1)(f)': 'en berettiget interesse',
    },
    see: 'jf.',
  },
  nn: {
    title: 'Personvernerklæring for {org}',
    intro:
      '{org} behandlar personopplysningar om innbyggjarar, brukarar av tenestene, tilsette og andre for å kunne gi tenester og gjere dei oppgåvene kommunen har etter lova. Her forklarer vi kva opplysningar vi behandlar og kvifor, kva som gir oss lov til det, kven vi deler dei med, kor lenge vi lagrar dei, og kva rettar du har.',
    controllerHeading: 'Kven er ansvarleg',
    controller:
      '{org} er behandlingsansvarleg for behandlingane som er skildra her. Kommunedirektøren har det daglege ansvaret. Kvar teneste har ei ansvarleg eining som du kan kontakte om opplysningane dine.',
    dpoHeading: 'Personvernombodet',
    dpo: 'Kommunen har eit personvernombod som gir råd om personvern, og som du kan kontakte om korleis vi behandlar opplysningar om deg: {dpo}.',
    dpoMissing: '[Fyll inn kontaktopplysningane til personvernombodet i kommuneprofilen.]',
    activitiesHeading: 'Kva vi bruker personopplysningar til',
    activitiesIntro: 'Oversikta er ordna etter tenesteområde. For kvar behandling står føremålet, kva som gir oss lov til å behandle opplysningane, kven det gjeld, kvar opplysningane kjem frå, kven vi deler dei med og kor lenge vi lagrar dei.',
    purposes: 'Føremål',
    legalBasis: 'Dette gir oss lov til å behandle opplysningane',
    specialBasis: 'Særlege kategoriar av opplysningar blir behandla etter',
    criminalBasis: 'Opplysningar om straffbare forhold blir behandla etter',
    dataSubjects: 'Kven opplysningane gjeld',
    dataCategories: 'Kva opplysningar',
    specialCategories: 'Særlege kategoriar av opplysningar',
    sources: 'Kvar vi hentar opplysningane',
    recipients: 'Kven vi deler opplysningane med',
    noRecipients: 'Vi deler ikkje opplysningane med andre utanfor kommunen.',
    retention: 'Kor lenge vi lagrar opplysningane',
    transfersHeading: 'Overføring til land utanfor EØS',
    transfersNone: 'Vi overfører ikkje personopplysningane i desse behandlingane til land utanfor EØS.',
    transfersSome: 'I desse behandlingane kan opplysningar bli overførte til land utanfor EØS: {names}. Det skjer berre med eit gyldig overføringsgrunnlag etter personvernforordninga kapittel V (art. 44–49).',
    automationHeading: 'Automatiserte avgjerder',
    automationNone: 'Vi tek ikkje avgjerder om deg som berre byggjer på automatisert behandling (GDPR art. 22).',
    automationSome: 'I desse behandlingane blir automatiserte avgjerder eller profilering brukt: {names}. Du kan be om at eit menneske ser på saka di, og du kan uttale deg og klage (GDPR art. 22).',
    rightsHeading: 'Rettane dine',
    rights: [
      'Du har rett til å få vite om vi behandlar opplysningar om deg, og til å få innsyn i dei (GDPR art. 15).',
      'Du kan be oss rette opplysningar som er feil eller ufullstendige (art. 16).',
      'Du kan be oss slette opplysningar (art. 17). Opplysningar vi må ta vare på etter arkivlova eller andre reglar, kan vi likevel ikkje slette.',
      'Du kan be oss avgrense behandlinga medan vi vurderer ei innvending frå deg (art. 18).',
      'Når behandlinga byggjer på ei oppgåve i interessa til ålmenta eller utøving av offentleg styresmakt, kan du protestere mot ho på grunn av den særlege situasjonen din (art. 21).',
      'Når behandlinga byggjer på samtykke eller avtale og skjer automatisert, kan du be om å få utlevert opplysningane dine i eit maskinlesbart format (art. 20). Eit samtykke kan du trekkje tilbake når som helst.',
      'Vi svarer utan unødig opphald og seinast innan éin månad (art. 12(3)). Det kostar ingenting.',
    ],
    complaintHeading: 'Klage',
    complaint: 'Meiner du at vi behandlar opplysningar om deg i strid med reglane, kan du klage til Datatilsynet (GDPR art. 77). Ta gjerne kontakt med oss eller personvernombodet først, så kan vi ofte rydde opp raskt.',
    draftNote: 'Utkast laga {date} frå behandlingsprotokollen til kommunen i Samsvar. Les gjennom, tilpass og få det godkjent før det blir publisert.',
    basis: {
      '6(1)(a)': 'samtykke frå deg',
      '6(1)(b)': 'ein avtale med deg',
      '6(1)(c)': 'ei rettsleg plikt kommunen har',
      '6(1)(d)': 'behovet for å verne nokon sine vitale interesser',
      '6(1)(e)': 'ei oppgåve i interessa til ålmenta eller utøving av offentleg styresmakt',
      '6(1)(f)': 'ei berettiga interesse',
    },
    see: 'jf.',
  },
};
