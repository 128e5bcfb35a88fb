import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from './config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  describe(): string;
}

/**
 * SMTP when SMTP_URL is set. Without it (local demo only) mail is written as .eml files to the data
 * directory and logged, so an invitation link can be followed on a machine without a mail server.
 */
export function createMailer(config: Config, log: (message: string) => void): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
      },
      describe: () => `SMTP (${new URL(config.smtpUrl!).host})`,
    };
  }
  const dir = join(config.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.to.replace(/[^a-z0-9@.-]/gi, '_')}.eml`);
      writeFileSync(file, info.message as Buffer);
      log(`E-post til ${mail.to} lagret i ${file}`);
    },
    describe: () => `filer i ${dir} (ingen SMTP_URL satt)`,
  };
}
