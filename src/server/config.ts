import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Values of `acr` that mean the identity provider performed multi-factor login (e.g. idporten-loa-high). */
  mfaAcrValues: string[];
  /** Values of `amr` that mean multi-factor login (e.g. mfa, otp, hwk). */
  mfaAmrValues: string[];
  label: string;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl?: string;
  databaseAppUrl?: string;
  dataDir: string;
  demo: boolean;
  sessionSecret: string;
  smtpUrl?: string;
  mailFrom: string;
  oidc?: OidcConfig;
  /** Requests per minute per address. */
  rateLimitPerMinute: number;
  /** Attempts per minute per address at login, MFA and invitation acceptance. */
  loginRateLimitPerMinute: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
}

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|on|yes|ja)$/i.test(value);

export class ConfigError extends Error {}

/** Reads the configuration from the environment. Production secrets never have defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT er ugyldig: ${env.PORT}`);
  const dataDir = resolve(env.SAMSVAR_DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  // Demo data and demo logins only when asked for; on by default only on the embedded database.
  const demo = env.SAMSVAR_DEMO !== undefined ? truthy(env.SAMSVAR_DEMO) : !databaseUrl;
  const host = env.HOST ?? (databaseUrl ? '0.0.0.0' : '127.0.0.1');
  let sessionSecret = env.SAMSVAR_SESSION_SECRET;
  if (!sessionSecret) {
    if (databaseUrl && !demo) throw new ConfigError('SAMSVAR_SESSION_SECRET må settes i produksjon (minst 32 tegn).');
    sessionSecret = localSecret(dataDir);
  }
  if (sessionSecret.length < 32) throw new ConfigError('SAMSVAR_SESSION_SECRET må være minst 32 tegn.');
  return {
    port,
    host,
    publicUrl: (env.SAMSVAR_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    dataDir,
    demo,
    sessionSecret,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.SMTP_FROM ?? 'Samsvar <ikke-svar@samsvar.localhost>',
    oidc: oidcFromEnv(env),
    rateLimitPerMinute: Number(env.SAMSVAR_RATE_LIMIT ?? 600),
    loginRateLimitPerMinute: Number(env.SAMSVAR_LOGIN_RATE_LIMIT ?? 10),
    sessionIdleMinutes: Number(env.SAMSVAR_SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.SAMSVAR_SESSION_ABSOLUTE_HOURS ?? 12),
    // The local demo keeps its console readable; production logs every request.
    logLevel: env.LOG_LEVEL ?? (demo && !databaseUrl ? 'warn' : 'info'),
  };
}

function oidcFromEnv(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  const required = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
  for (const key of required) if (!env[key]) throw new ConfigError(`${key} må settes når OIDC_ISSUER er satt.`);
  const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').map((v) => v.trim()).filter(Boolean);
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectUri: env.OIDC_REDIRECT_URI!,
    mfaAcrValues: list(env.OIDC_MFA_ACR, 'idporten-loa-high,idporten-loa-substantial,Level4,Level3'),
    mfaAmrValues: list(env.OIDC_MFA_AMR, 'mfa,otp,hwk,swk,fido'),
    label: env.OIDC_LABEL ?? 'Logg inn med virksomhetskonto',
  };
}

/** For the embedded database only: a random secret kept in the data directory, created on first start. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
