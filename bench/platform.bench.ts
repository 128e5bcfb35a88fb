// Platform benchmark (issue: the platform core): seeds the 357 municipalities with users on real PostgreSQL,
// loads real endpoints with autocannon against a server in its own process, and compares them with a
// baseline route (one trivial query) in the same run. Then measures the login and start pages with
// Lighthouse (default mobile profile) in Debian's Chromium.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildWebIfNeeded } from '../src/cli/start';
import { hashPassword } from '../src/modules/auth/crypto';
import { projectRoot, webDistDir } from '../src/paths';
import { queryRows } from '../src/db/sql';
import { benchDatabase, report, type Figure } from './support';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** BENCH_PART=api or BENCH_PART=web runs only one half. */
const part = process.env.BENCH_PART ?? 'all';
const passwordHash = await hashPassword('bench-password-not-used');

if (part !== 'web') await apiBenchmark();
if (part !== 'api') {
  buildWebIfNeeded(console.log);
  await lighthouseRun();
}

async function apiBenchmark(): Promise<void> {

  const bench = await benchDatabase();
  const { database } = bench;
  console.log('Seeder brukere og endringslogg for 357 kommuner …');
  await database.owner.execute(sql`
    insert into users (email, name, password_hash, totp_enrolled_at)
    select 'bench-' || o.municipality_number || '-' || r || '@example.no', 'Bench ' || o.name || ' ' || r, ${passwordHash}, now()
    from organizations o cross join generate_series(1, 3) r where o.kind = 'municipality'`);
  await database.owner.execute(sql`
    insert into memberships (organization_id, user_id, role)
    select o.id, u.id, (array['administrator','personvernombud','leser'])[r]
    from organizations o cross join generate_series(1, 3) r
    join users u on u.email = 'bench-' || o.municipality_number || '-' || r || '@example.no'
    where o.kind = 'municipality'`);
  await database.owner.execute(sql`
    do $$ declare o record; begin
      for o in select id from organizations where kind = 'municipality' loop
        for i in 1..20 loop
          perform set_config('app.organization_id', o.id::text, true);
          update organizations set dpo_contact = 'Personvernombud ' || i where id = o.id;
        end loop;
      end loop;
    end $$`);
  const admins = await queryRows<{ user_id: string; organization_id: string }>(
    database.owner,
    sql`select m.user_id, m.organization_id from memberships m where m.role = 'administrator' order by m.organization_id`,
  );
  const sessions: { cookie: string; csrf: string }[] = [];
  for (const admin of admins) {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await database.owner.execute(sql`insert into sessions (id, user_id, state, active_organization_id, csrf_token, auth_method, expires_at)
      values (${createHash('sha256').update(token).digest('hex')}, ${admin.user_id}, 'active', ${admin.organization_id}, ${csrf}, 'password', now() + interval '12 hours')`);
    sessions.push({ cookie: `__Host-samsvar=${token}`, csrf });
  }
  const [{ events } = { events: 0 }] = await queryRows<{ events: number }>(database.owner, sql`select count(*)::int as events from audit_events`);
  console.log(`  ${admins.length} administratorer med økt, ${events} hendelser i endringsloggen`);

  const server = spawn(process.execPath, ['--import', 'tsx', join('bench', 'platform-server.ts')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: bench.url,
      DATABASE_APP_URL: bench.appUrl,
      SAMSVAR_SESSION_SECRET: bench.config.sessionSecret,
      SAMSVAR_DEMO: '0',
      // The load comes from one address; the per-address limit would otherwise measure itself.
      SAMSVAR_RATE_LIMIT: '100000000',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;

  interface Load {
    rps: number;
    p50: number;
    p99: number;
    errors: number;
  }

  async function load(path: string, options: { method?: 'GET' | 'PATCH'; body?: (i: number) => string; authenticated?: boolean } = {}): Promise<Load> {
    let next = 0;
    const run = (duration: number) =>
      autocannon({
        url: base + path,
        method: options.method ?? 'GET',
        connections: CONNECTIONS,
        duration,
        headers: options.body ? { 'content-type': 'application/json' } : {},
        setupClient: (client) => {
          const session = sessions[next++ % sessions.length]!;
          if (options.authenticated !== false) client.setHeaders({ cookie: session.cookie, 'x-csrf-token': session.csrf, ...(options.body ? { 'content-type': 'application/json' } : {}) });
          if (options.body) client.setBody(options.body(next));
        },
      });
    await run(2);
    const result = await run(DURATION);
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors };
  }

  const baseline = await load('/api/bench/baseline', { authenticated: false });
  const reads = {
    'GET /api/organization (startsiden)': await load('/api/organization'),
    'GET /api/me': await load('/api/me'),
    'GET /api/audit (endringslogg, 50 siste)': await load('/api/audit'),
  };
  const write = await load('/api/organization/settings', { method: 'PATCH', body: (i) => JSON.stringify({ dpoContact: `Personvernombud ${i}` }) });
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0);
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));

  const figures: Figure[] = [
    { name: 'Grunnlinje (én triviell spørring): forespørsler/s', value: baseline.rps, unit: 'req/s' },
    { name: 'Grunnlinje p50 / p99', value: baseline.p99, unit: 'ms p99', baseline: `p50 ${baseline.p50} ms` },
  ];
  for (const [name, r] of Object.entries(reads)) {
    const ratio = r.rps / baseline.rps;
    figures.push({ name: `${name}: forespørsler/s`, value: r.rps, unit: 'req/s', target: '≥ 50 % av grunnlinjen', ok: ratio >= 0.5 && r.errors === 0, baseline: `${(ratio * 100).toFixed(0)} % av grunnlinjen` });
    figures.push({ name: `${name}: p99`, value: r.p99, unit: 'ms', target: '≤ 25 ms', ok: r.p99 <= 25, baseline: `p50 ${r.p50} ms` });
  }
  const writeRatio = write.rps / baseline.rps;
  figures.push({ name: 'PATCH /api/organization/settings (skriving med revisjonsspor)', value: write.rps, unit: 'req/s', target: '≥ 25 % av grunnlinjen', ok: writeRatio >= 0.25 && write.errors === 0, baseline: `${(writeRatio * 100).toFixed(0)} % av grunnlinjen, p99 ${write.p99} ms` });
  figures.push({ name: 'Serverens høyeste minnebruk (VmHWM)', value: peakKb / 1024, unit: 'MB' });
  report(`Plattform: last på ekte endepunkter (${CONNECTIONS} forbindelser, ${DURATION} s, PostgreSQL)`, figures);
  await bench.drop();
}

async function lighthouseRun(): Promise<void> {
  const { launch } = await import('chrome-launcher');
  const lighthouse = (await import('lighthouse')).default;
  const web = await benchDatabase();
  const admin = (await queryRows<{ user_id: string; organization_id: string }>(web.database.owner, sql`select null::uuid as user_id, id as organization_id from organizations where municipality_number = '3446'`))[0]!;
  const [user] = await queryRows<{ id: string }>(web.database.owner, sql`insert into users (email, name, password_hash, totp_enrolled_at) values ('lighthouse@example.no', 'Lighthouse', ${passwordHash}, now()) returning id`);
  await web.database.owner.execute(sql`insert into memberships (organization_id, user_id, role) values (${admin.organization_id}, ${user!.id}, 'administrator')`);
  const token = randomBytes(32).toString('base64url');
  await web.database.owner.execute(sql`insert into sessions (id, user_id, state, active_organization_id, csrf_token, auth_method, expires_at)
    values (${createHash('sha256').update(token).digest('hex')}, ${user!.id}, 'active', ${admin.organization_id}, 'x', 'password', now() + interval '1 hour')`);
  const webServer = spawn(process.execPath, ['--import', 'tsx', join('bench', 'platform-server.ts')], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: web.url, DATABASE_APP_URL: web.appUrl, SAMSVAR_SESSION_SECRET: web.config.sessionSecret, SAMSVAR_DEMO: '0', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const webPort = await new Promise<number>((resolve) => webServer.stdout.on('data', (c: Buffer) => { const m = /ready (\d+)/.exec(c.toString()); if (m) resolve(Number(m[1])); }));
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const pages = [
    { name: 'Innlogging', path: '/innlogging', headers: {} as Record<string, string> },
    { name: 'Startside (innlogget)', path: '/', headers: { Cookie: `__Host-samsvar=${token}` } as Record<string, string> },
  ];
  const figures: Figure[] = [];
  for (const page of pages) {
    // A trace can fail on a busy machine (NO_NAVSTART); such a run has no scores, so try again.
    let result: Awaited<ReturnType<typeof lighthouse>>;
    for (let attempt = 1; ; attempt++) {
      result = await lighthouse(`http://localhost:${webPort}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        extraHeaders: page.headers,
      });
      if (!result?.lhr.runtimeError || attempt === 3) break;
      console.log(`  Lighthouse-feil på ${page.path} (${result.lhr.runtimeError.code}); prøver igjen`);
    }
    const lhr = result!.lhr;
    if (lhr.runtimeError) console.log(`  Lighthouse-feil på ${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    for (const warning of lhr.runWarnings) console.log(`  Lighthouse-advarsel på ${page.path}: ${warning}`);
    const scripts = (lhr.audits['network-requests']?.details as { items?: { resourceType?: string; url: string; transferSize?: number }[] } | undefined)?.items?.filter((i) => i.resourceType === 'Script') ?? [];
    const transferred = scripts.reduce((sum, s) => sum + (s.transferSize ?? 0), 0);
    const gzip = scripts.reduce((sum, s) => {
      const file = join(webDistDir, new URL(s.url).pathname);
      try {
        return sum + gzipSync(readFileSync(file), { level: 9 }).length;
      } catch {
        return sum;
      }
    }, 0);
    figures.push({ name: `${page.name}: ytelse (Lighthouse, mobilprofil)`, value: Math.round((lhr.categories.performance?.score ?? 0) * 100), unit: 'av 100', target: '≥ 90', ok: (lhr.categories.performance?.score ?? 0) >= 0.9 });
    figures.push({ name: `${page.name}: tilgjengelighet (Lighthouse)`, value: Math.round((lhr.categories.accessibility?.score ?? 0) * 100), unit: 'av 100', target: '100', ok: lhr.categories.accessibility?.score === 1 });
    figures.push({ name: `${page.name}: JavaScript lastet (gzip)`, value: gzip / 1024, unit: 'kB', target: '≤ 250 kB', ok: gzip <= 250 * 1024, baseline: `${(transferred / 1024).toFixed(1)} kB overført med brotli, ${scripts.length} filer` });
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    figures.push({
      name: `${page.name}: LCP / FCP / TBT`,
      value: metric('largest-contentful-paint') / 1000,
      unit: 's LCP',
      baseline: `FCP ${(metric('first-contentful-paint') / 1000).toFixed(2)} s, TBT ${Math.round(metric('total-blocking-time'))} ms, CLS ${metric('cumulative-layout-shift').toFixed(3)}`,
    });
  }
  report('Nettsider: Lighthouse 12 (standard mobilprofil) i Debians Chromium', figures);
  await chrome.kill();
  webServer.kill('SIGTERM');
  await new Promise((resolve) => webServer.once('exit', resolve));
  await web.drop();
}
