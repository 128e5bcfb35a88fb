import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { EvidenceDto, MeasureDetailResponse } from './contract';
import { evidenceFiles } from './schema';
import { EVIDENCE_MAX_BYTES } from './contract';
import { checkEvidenceFile, sniff } from './file-types';
import { assessmentTest, json, type AssessmentTest } from './test-support/setup';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);

async function docxBytes(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Rutine for tilgangsstyring – æøå')] }] }));
}
async function xlsxBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Ark').addRow(['Kontoer med tofaktor', 412]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('evidence file types are decided by their bytes', () => {
  test('each allowed type is recognised', async () => {
    assert.equal(sniff(pdf), 'pdf');
    assert.equal(sniff(png), 'png');
    assert.equal(sniff(jpeg), 'jpeg');
    assert.equal(sniff(await docxBytes()), 'docx');
    assert.equal(sniff(await xlsxBytes()), 'xlsx');
    assert.equal(sniff(Buffer.from('Logg over gjenopprettingstester\n2026-01-10;OK\n')), 'text');
    assert.equal(checkEvidenceFile('liste.csv', Buffer.from('a;b\n1;2\n'), EVIDENCE_MAX_BYTES).contentType, 'text/csv; charset=utf-8');
  });

  test('a program renamed to .pdf, a web page renamed to .txt, and a mismatch are refused', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 'OK';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    assert.equal(code(() => checkEvidenceFile('rutine.pdf', exe, EVIDENCE_MAX_BYTES)), 'EVIDENCE_TYPE_NOT_ALLOWED');
    assert.equal(code(() => checkEvidenceFile('notat.txt', Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), EVIDENCE_MAX_BYTES)), 'EVIDENCE_TYPE_NOT_ALLOWED');
    assert.equal(code(() => checkEvidenceFile('bilde.pdf', png, EVIDENCE_MAX_BYTES)), 'EVIDENCE_TYPE_MISMATCH');
    assert.equal(code(() => checkEvidenceFile('rapport.docx', xlsx, EVIDENCE_MAX_BYTES)), 'EVIDENCE_TYPE_MISMATCH');
    assert.equal(code(() => checkEvidenceFile('program.exe', exe, EVIDENCE_MAX_BYTES)), 'EVIDENCE_TYPE_NOT_ALLOWED');
    assert.equal(code(() => checkEvidenceFile('tom.pdf', Buffer.alloc(0), EVIDENCE_MAX_BYTES)), 'EVIDENCE_EMPTY');
    assert.equal(code(() => checkEvidenceFile('stor.pdf', Buffer.concat([pdf, Buffer.alloc(100)]), 50)), 'EVIDENCE_TOO_LARGE');
  });
});

let xlsx: Buffer;

let s: AssessmentTest;
const MEASURE = 'urn:samsvar:measure:backup-protection';
before(async () => {
  xlsx = await xlsxBytes();
  s = await assessmentTest();
});
after(() => s.t.close());

describe('evidence on a measure', () => {
  test('a file is stored in the database and comes back byte for byte, as an attachment', async () => {
    const api = await s.api('editor');
    const bytes = await docxBytes();
    const created = await api.post('/api/assessment/evidence', { kind: 'file', measureUrn: MEASURE, fileName: 'Rutine for sikkerhetskopi – ÅØÆ.docx', contentBase64: bytes.toString('base64') });
    assert.equal(created.statusCode, 201, created.body);
    const evidence = json<{ evidence: EvidenceDto }>(created).evidence;
    assert.equal(evidence.sizeBytes, bytes.length);
    assert.equal(evidence.title, 'Rutine for sikkerhetskopi – ÅØÆ.docx');
    const download = await api.get(`/api/assessment/evidence/${evidence.id}/file`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(String(download.headers['content-disposition']), /^attachment; .*filename\*=UTF-8''Rutine%20for%20sikkerhetskopi%20%E2%80%93%20%C3%85%C3%98%C3%86\.docx$/);
    assert.ok(download.rawPayload.equals(bytes));
    const detail = json<MeasureDetailResponse>(await api.get(`/api/assessment/measure?urn=${encodeURIComponent(MEASURE)}`));
    assert.equal(detail.evidence.length, 1);
  });

  test('a link must be http or https', async () => {
    const api = await s.api('editor');
    const bad = await api.post('/api/assessment/evidence', { kind: 'link', measureUrn: MEASURE, title: 'Skript', url: 'javascript:alert(1)' });
    assert.equal(bad.statusCode, 400);
    assert.equal(json(bad).field, 'url');
    const ftp = await api.post('/api/assessment/evidence', { kind: 'link', measureUrn: MEASURE, title: 'FTP', url: 'ftp://example.no/fil' });
    assert.equal(ftp.statusCode, 400);
    const ok = await api.post('/api/assessment/evidence', { kind: 'link', measureUrn: MEASURE, title: 'Rutinen i kvalitetssystemet', url: 'https://kvalitet.example.no/rutiner/sikkerhetskopi' });
    assert.equal(ok.statusCode, 201, ok.body);
  });

  test('a disallowed or oversized file is refused with the field named', async () => {
    const api = await s.api('editor');
    const renamed = await api.post('/api/assessment/evidence', { kind: 'file', measureUrn: MEASURE, fileName: 'rutine.pdf', contentBase64: exe.toString('base64') });
    assert.equal(renamed.statusCode, 415);
    assert.deepEqual([json(renamed).code, json(renamed).field], ['EVIDENCE_TYPE_NOT_ALLOWED', 'file']);
    const big = Buffer.concat([pdf, Buffer.alloc(EVIDENCE_MAX_BYTES)]);
    const tooBig = await api.post('/api/assessment/evidence', { kind: 'file', measureUrn: MEASURE, fileName: 'stor.pdf', contentBase64: big.toString('base64') });
    assert.equal(tooBig.statusCode, 413);
    assert.equal(json(tooBig).code, 'EVIDENCE_TOO_LARGE');
  });

  test('a bidragsyter adds evidence only to their own measures and cannot download others\'', async () => {
    const editor = await s.api('editor');
    const detail = json<MeasureDetailResponse>(await editor.get(`/api/assessment/measure?urn=${encodeURIComponent(MEASURE)}`));
    const fileId = detail.evidence.find((e) => e.kind === 'file')!.id;
    const contributor = await s.api('contributor');
    assert.equal((await contributor.get(`/api/assessment/evidence/${fileId}/file`)).statusCode, 404);
    const refused = await contributor.post('/api/assessment/evidence', { kind: 'file', measureUrn: MEASURE, fileName: 'x.pdf', contentBase64: pdf.toString('base64') });
    assert.equal(json(refused).code, 'NOT_ASSIGNED');
    assert.equal((await contributor.delete(`/api/assessment/evidence/${fileId}`)).statusCode, 404);

    await editor.patch('/api/assessment/measure', { measureUrn: MEASURE, version: 0, ownerUserId: s.people.contributor.id });
    const own = await contributor.post('/api/assessment/evidence', { kind: 'file', measureUrn: MEASURE, fileName: 'logg.pdf', contentBase64: pdf.toString('base64') });
    assert.equal(own.statusCode, 201, own.body);
    assert.equal((await contributor.get(`/api/assessment/evidence/${fileId}/file`)).statusCode, 200);
    // Someone else's evidence on the same measure stays: a bidragsyter removes only what they added.
    assert.equal((await contributor.delete(`/api/assessment/evidence/${fileId}`)).statusCode, 403);
    assert.equal((await contributor.delete(`/api/assessment/evidence/${json<{ evidence: EvidenceDto }>(own).evidence.id}`)).statusCode, 204);
  });

  test('removing evidence removes its bytes too', async () => {
    const api = await s.api('editor');
    const detail = json<MeasureDetailResponse>(await api.get(`/api/assessment/measure?urn=${encodeURIComponent(MEASURE)}`));
    const file = detail.evidence.find((e) => e.kind === 'file')!;
    assert.equal((await api.delete(`/api/assessment/evidence/${file.id}`)).statusCode, 204);
    assert.equal((await api.get(`/api/assessment/evidence/${file.id}/file`)).statusCode, 404);
    const rows = await s.t.database.owner.select().from(evidenceFiles).where(eq(evidenceFiles.evidenceId, file.id));
    assert.equal(rows.length, 0);
  });
});
