import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { projectRoot } from '../../paths';
import { levelOf, loadRiskContent, riskContentDir } from './content';

function brokenCopy(file: string, change: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-risk-'));
  cpSync(riskContentDir, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  try {
    return loadRiskContent(dir).issues;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the national ROS content is valid: 20–30 threats and a 5 × 5 matrix', () => {
  const { catalogue, matrix, issues } = loadRiskContent();
  assert.deepEqual(issues, []);
  assert.ok(catalogue!.threats.length >= 20 && catalogue!.threats.length <= 30, `${catalogue!.threats.length} threats`);
  assert.equal(matrix!.likelihood.length, 5);
  assert.equal(levelOf(matrix!, 5, 5), 'very_high');
  assert.equal(levelOf(matrix!, 1, 1), 'low');
  assert.equal(levelOf(matrix!, 3, 2), 'medium');
  assert.equal(levelOf(matrix!, null, 2), null);
});

test('a catalogue that breaks the lint rules fails', () => {
  const messages = (issues: { message: string }[]) => issues.map((i) => i.message).join('\n');
  const unknownFact = brokenCopy('threats.yaml', (t) => t.replace('{ fact: backup_offline, equals: false }', '{ fact: backup_oflline, equals: false }'));
  assert.match(messages(unknownFact), /backup_oflline.*finnes ikke/);
  const wrongType = brokenCopy('threats.yaml', (t) => t.replace('{ fact: mfa_users, equals: false }', '{ fact: mfa_users, equals: critical }'));
  assert.match(messages(wrongType), /mfa_users: equals må være true eller false/);
  const inOnBool = brokenCopy('threats.yaml', (t) => t.replace('{ fact: monitoring, equals: false }', '{ fact: monitoring, in: [critical] }'));
  assert.match(messages(inOnBool), /monitoring: in kan bare brukes på enum-fakta/);
  const badUrn = brokenCopy('threats.yaml', (t) => t.replace('urn: urn:samsvar:threat:losepengevirus', 'urn: urn:samsvar:threat:losepenger'));
  assert.match(messages(badUrn), /urn må være urn:samsvar:threat:losepengevirus/);
  const badCia = brokenCopy('threats.yaml', (t) => t.replace('cia: [confidentiality, integrity, availability]', 'cia: [confidentiality, secrecy]'));
  assert.match(messages(badCia), /secrecy/);
  const duplicate = brokenCopy('threats.yaml', (t) => t.replace('- id: svak-autentisering', '- id: losepengevirus'));
  assert.match(messages(duplicate), /id er brukt før/);
  const badId = brokenCopy('threats.yaml', (t) => t.replace('- id: losepengevirus', '- id: Løsepenger'));
  assert.match(messages(badId), /a–z, 0–9/);
  const cellLevel = brokenCopy('matrix.yaml', (t) => t.replace('"1": [low, low, low, medium, high]', '"1": [low, low, low, medium, extreme]'));
  assert.ok(cellLevel.some((i) => i.file === 'risk/matrix.yaml' && i.path.startsWith('cells')), JSON.stringify(cellLevel));
  const fourLevels = brokenCopy('matrix.yaml', (t) => t.replace(/"5": \[[^\]]*\]\n/, ''));
  assert.ok(fourLevels.length > 0);
});

test('`samsvar content lint` fails on a broken threat catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-content-'));
  try {
    cpSync(join(riskContentDir, '..'), dir, { recursive: true });
    const file = join(dir, 'risk', 'threats.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{ fact: mfa_users, equals: false }', '{ fact: mfa_users, in: [critical] }'));
    const result = spawnSync(process.execPath, [join(projectRoot, 'bin', 'samsvar.mjs'), 'content', 'lint', '--dir', dir], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /mfa_users: in kan bare brukes på enum-fakta/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
