import type { Mail } from '../../server/mailer';

const dateFormat = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });

export function invitationMail(input: { to: string; organizationName: string; role: string; link: string; expiresAt: Date }): Mail {
  return {
    to: input.to,
    subject: `Invitasjon til ${input.organizationName} i Samsvar`,
    text: [
      `Hei!`,
      ``,
      `Du er invitert til ${input.organizationName} i Samsvar med rollen ${input.role}.`,
      `Samsvar er kommunenes felles løsning for personvern og informasjonssikkerhet.`,
      ``,
      `Åpne lenken for å ta imot invitasjonen:`,
      input.link,
      ``,
      `Lenken gjelder til ${dateFormat.format(input.expiresAt)} og kan brukes én gang.`,
      `Du må sette opp tofaktorinnlogging første gang du logger inn.`,
      ``,
      `Har du ikke ventet denne e-posten, kan du se bort fra den.`,
    ].join('\n'),
  };
}
