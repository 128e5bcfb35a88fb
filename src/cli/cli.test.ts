import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../db/connection';
import journal from '../db/migrations/meta/_journal.json' with { type: 'json' };
import { queryRows } from '../db/sql';
import { projectRoot } from '../paths';
import { withDatabaseName } from '../test/database';

/**
 * The real `samsvar` command in a child process, against a database of its own: a PGlite data directory, or
 * (with TEST_DATABASE_URL) a fresh database on that server.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
let dataDir: string;
let databaseUrl: string | undefined;
let databaseName: string | undefined;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'samsvar-cli-'));
  if (serverUrl) {
    databaseName = `samsvar_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${databaseName}`);
    } finally {
      await admin.end();
    }
    databaseUrl = withDatabaseName(serverUrl, databaseName);
  }
});
after(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (databaseName) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${databaseName} with (force)`);
    } finally {
      await admin.end();
    }
  }
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(DATABASE_URL|DATABASE_APP_URL|SAMSVAR_|SMTP_|OIDC_|NODE_TEST_CONTEXT)/.test(key)) delete env[key];
  }
  Object.assign(env, { SAMSVAR_DATA_DIR: dataDir, SAMSVAR_DEMO: '0', LOG_LEVEL: 'silent', ...extraEnv });
  if (databaseUrl) Object.assign(env, { DATABASE_URL: databaseUrl, SAMSVAR_SESSION_SECRET: 'cli-test-secret-that-is-long-enough-0123456789' });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'samsvar.mjs'), ...args], { cwd: projectRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const succeeded = (run: Run) => assert.equal(run.code, 0, `exit ${run.code}\n${run.stdout}\n${run.stderr}`);

/** The same database the CLI used, opened by the test after the CLI has exited. */
async function openSame(): Promise<Database> {
  return databaseUrl ? openDatabase({ url: databaseUrl }) : openDatabase({ dataDir: join(dataDir, 'pglite') });
}

describe('samsvar CLI', () => {
  const email = `drift-${randomBytes(3).toString('hex')}@example.no`;

  test('--help lists the commands', async () => {
    const [top, user, audit] = await Promise.all([cli(['--help']), cli(['user', '--help']), cli(['audit', '--help'])]);
    for (const run of [top, user, audit]) succeeded(run);
    for (const command of ['start', 'migrate', 'seed', 'user', 'audit']) assert.match(top.stdout, new RegExp(`^\\s+${command}\\b`, 'm'), `--help does not list ${command}`);
    assert.match(user.stdout, /^\s+create\b/m);
    assert.match(audit.stdout, /^\s+verify\b/m);
  });

  test('migrate brings a new database to the latest version', async () => {
    const run = await cli(['migrate']);
    succeeded(run);
    const latest = journal.entries.at(-1)!.tag;
    const count = journal.entries.length;
    assert.match(run.stdout, new RegExp(`versjon ${latest} \\(${count} av ${count} migreringer\\)`));
  });

  test('seed loads the organisation registry', async () => {
    const run = await cli(['seed']);
    succeeded(run);
    assert.match(run.stdout, /organisasjonsregister/);
    assert.match(run.stdout, /Ferdig\./);
  });

  test('user create makes an administrator in a municipality, with a one-time password', async () => {
    const run = await cli(['user', 'create', '--email', email, '--name', 'Driftsansvarlig Test', '--org', '3446', '--role', 'administrator']);
    succeeded(run);
    assert.match(run.stdout, new RegExp(`Opprettet ${email}`));
    assert.match(run.stdout, /Midlertidig passord \(vises bare nå\): \S{12,}/);
    assert.match(run.stdout, /har nå rollen administrator i Gran/);
  });

  test('user create refuses a role the organisation does not have', async () => {
    const run = await cli(['user', 'create', '--email', `annen-${email}`, '--name', 'Feil Rolle', '--org', '3446', '--role', 'fellesforvalter']);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /Feil: Rollen fellesforvalter finnes ikke i Gran\./);
  });

  test('audit verify passes on the untouched database', async () => {
    const run = await cli(['audit', 'verify']);
    succeeded(run);
    assert.match(run.stdout, /Endringsloggen er intakt: [1-9]\d* hendelser/);
  });

  test('audit verify fails with exit code 1 and names the event once an audit row is altered', async () => {
    const database = await openSame();
    let tampered: { chain_key: string; seq: string | number };
    try {
      const [user] = await queryRows<{ id: string; password_hash: string; roles: string[] | string }>(
        database.owner,
        sql`select u.id, u.password_hash, array(select m.role from memberships m join organizations o on o.id = m.organization_id
                                               where m.user_id = u.id and o.municipality_number = '3446') as roles
            from users u where u.email = ${email}`,
      );
      assert.ok(user, 'the user from `user create` is in the database');
      assert.match(user.password_hash, /^\$argon2id\$/);
      assert.deepEqual(Array.isArray(user.roles) ? user.roles : user.roles.replace(/[{}]/g, '').split(','), ['administrator']);
      const rows = await queryRows<{ chain_key: string; seq: string | number }>(
        database.owner,
        sql`update audit_events set after = jsonb_set(after, '{name}', '"Forfalsket Navn"')
            where entity = 'users' and entity_id = ${user.id} and action = 'insert' returning chain_key, seq`,
      );
      assert.equal(rows.length, 1);
      tampered = rows[0]!;
    } finally {
      await database.close();
    }

    const run = await cli(['audit', 'verify']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /Endringsloggen er IKKE intakt \(1 feil/);
    assert.match(run.stdout, new RegExp(`kjede ${tampered.chain_key}: hendelse ${Number(tampered.seq)} er endret etter at den ble skrevet`));
  });
});
