import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { loadConfig } from '../../src/server/config';
import { startServer, type Running } from '../../src/server/start';
import { startSmtpSink, type SentMail } from '../../src/test/smtp-sink';
import { withDatabaseName } from '../../src/test/database';
import { TEST_SECRET } from '../../src/test/app';

export interface E2e {
  server: Running;
  baseUrl: string;
  mail: SentMail[];
  browser: Browser;
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The real server (built web app, migrations, reference data) on a loopback port, an SMTP sink, and Debian's
 * Chromium. With TEST_DATABASE_URL the server runs on a fresh database on that PostgreSQL server.
 */
export async function startE2e(): Promise<E2e> {
  const smtp = await startSmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'samsvar-e2e-'));
  let dropDatabase: (() => Promise<void>) | null = null;
  let databaseUrl: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const name = `samsvar_e2e_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    databaseUrl = withDatabaseName(process.env.TEST_DATABASE_URL, name);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await c.end();
    };
  }
  const port = 3100 + Math.floor(Math.random() * 800);
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    SAMSVAR_PUBLIC_URL: `http://localhost:${port}`,
    SAMSVAR_DATA_DIR: dataDir,
    SAMSVAR_DEMO: '0',
    SAMSVAR_SESSION_SECRET: TEST_SECRET,
    SAMSVAR_LOGIN_RATE_LIMIT: '1000',
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const server = await startServer(config, { log: () => undefined, logger: false });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    server,
    baseUrl: `http://localhost:${port}`,
    mail: smtp.messages,
    browser,
    async newPage() {
      // Reduced motion: the design system animates a <details> opening for 0.4 s, and a control revealed by
      // it can be scrolled into view inside the still-clipped box, so a click at once could land elsewhere.
      const context = await browser.newContext({ baseURL: `http://localhost:${port}`, locale: 'nb-NO', reducedMotion: 'reduce' });
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
      await server.stop();
      await smtp.close();
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs axe (WCAG 2.1 A and AA) on the page as it is now and fails on any violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (result.violations.length) {
    const details = result.violations
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`)
      .join('\n  ');
    throw new Error(`axe found ${result.violations.length} violation(s) on ${label}:\n  ${details}`);
  }
}

const usedSteps = new Map<string, number>();

/**
 * A TOTP code for `secret` that the server has not seen yet: it refuses a code from a time step already used by
 * the same person (replay protection), so a second login within the same 30 s step waits for the next step.
 */
export async function freshTotp(secret: string): Promise<string> {
  const step = () => Math.floor(Date.now() / 30_000);
  const last = usedSteps.get(secret);
  if (last !== undefined && step() <= last) await new Promise((done) => setTimeout(done, (last + 1) * 30_000 - Date.now() + 50));
  usedSteps.set(secret, step());
  return authenticator.generate(secret);
}

/** Logs in with password and a fresh TOTP code, and waits until the app shell (the main menu) is there. */
export async function logIn(page: Page, user: { email: string; password: string; totpSecret: string }): Promise<void> {
  await page.goto('/innlogging');
  await page.getByLabel('E-postadresse').fill(user.email);
  await page.getByLabel('Passord').fill(user.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL('**/innlogging/tofaktor');
  await page.getByLabel('Engangskode eller gjenopprettingskode').fill(await freshTotp(user.totpSecret));
  await page.getByRole('button', { name: 'Bekreft' }).click();
  await page.getByRole('navigation', { name: 'Hovedmeny' }).waitFor();
}
