import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/connection';
import { buildApp, type AppOptions } from '../server/app';
import { loadConfig, type Config } from '../server/config';
import { createMailer } from '../server/mailer';
import type { Services } from '../server/services';
import { createTestDatabase } from './database';
import { startSmtpSink, type SentMail } from './smtp-sink';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  services: Services;
  config: Config;
  mail: SentMail[];
  /** Moves the clock the app sees (sessions, invitations, TOTP) forward. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

export const TEST_SECRET = 'test-session-secret-that-is-long-enough-0123456789';

/** A complete app on its own fresh database and SMTP sink. */
export async function createTestApp(options: { env?: Record<string, string>; app?: AppOptions } = {}): Promise<TestApp> {
  const smtp = await startSmtpSink();
  const config = loadConfig({
    SAMSVAR_SESSION_SECRET: TEST_SECRET,
    SAMSVAR_DEMO: '0',
    SAMSVAR_DATA_DIR: '/tmp/samsvar-test-data',
    SAMSVAR_PUBLIC_URL: 'http://localhost:3000',
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'silent',
    SAMSVAR_LOGIN_RATE_LIMIT: '10000',
    // The route matrix alone makes thousands of requests a minute from one address.
    SAMSVAR_RATE_LIMIT: '1000000',
    ...options.env,
  });
  const database = await createTestDatabase(config);
  let offset = 0;
  const services: Services = { config, database, mailer: createMailer(config, () => undefined), clock: () => new Date(Date.now() + offset) };
  const app = await buildApp(services, options.app);
  return {
    app,
    database,
    services,
    config,
    mail: smtp.messages,
    advanceClock: (ms) => {
      offset += ms;
    },
    async close() {
      await app.close();
      await database.close();
      await smtp.close();
    },
  };
}

/** Parses a JSON response body (tests read error codes and data from it). */
export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}
