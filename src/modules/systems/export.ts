import ExcelJS from 'exceljs';
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tenant';
import { vendorProducts, vendors } from '../vendors/schema';
import { columns, type Column } from './columns';
import { countryNames } from './fields';
import { systemDependencies, systems } from './schema';

type Row = typeof systems.$inferSelect & { vendorName: string | null; productName: string | null; dependsOn: string[] };

function cellValue(column: Column, row: Row): ExcelJS.CellValue {
  const label = (code: string | null) => (code ? (column.labels?.[code] ?? code) : null);
  switch (column.key) {
    case 'vendor':
      return row.vendorName ?? row.localVendorName;
    case 'product':
      return row.productName;
    case 'dependsOn':
      return row.dependsOn.join('; ') || null;
    case 'services':
      return row.services.join('; ') || null;
    case 'personalDataCategories':
      return row.personalDataCategories.map((c) => label(c)).join('; ') || null;
    case 'hostingCountry':
      return row.hostingCountry ? (countryNames[row.hostingCountry] ?? row.hostingCountry) : null;
    case 'backupOffline':
      return row.backupOffline === null ? null : row.backupOffline ? 'Ja' : 'Nei';
    case 'lastRestoreTestOn':
    case 'endOfSupportOn': {
      const value = row[column.key];
      return value ? new Date(`${value}T00:00:00Z`) : null;
    }
    default: {
      const value = row[column.key as keyof Row] as string | number | null;
      return column.kind === 'enum' ? label(value as string | null) : value;
    }
  }
}

/** The whole inventory as an Excel file with the same columns the import reads. */
export async function exportSystems(tx: Tx, organizationId: string, organizationName: string): Promise<Buffer> {
  const rows = await tx
    .select({ system: systems, vendorName: vendors.name, productName: vendorProducts.name })
    .from(systems)
    .leftJoin(vendors, eq(vendors.id, systems.vendorId))
    .leftJoin(vendorProducts, eq(vendorProducts.id, systems.vendorProductId))
    .where(eq(systems.organizationId, organizationId))
    .orderBy(asc(systems.name));
  const names = new Map(rows.map((r) => [r.system.id, r.system.name]));
  const dependencies = await tx.select().from(systemDependencies).where(eq(systemDependencies.organizationId, organizationId));
  const dependsOn = new Map<string, string[]>();
  for (const d of dependencies) dependsOn.set(d.systemId, [...(dependsOn.get(d.systemId) ?? []), names.get(d.dependsOnId) ?? '']);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samsvar';
  workbook.title = `Systemoversikt – ${organizationName}`;
  const sheet = workbook.addWorksheet('Systemer', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const { system, vendorName, productName } of rows) {
    const row: Row = { ...system, vendorName, productName, dependsOn: (dependsOn.get(system.id) ?? []).sort((a, b) => a.localeCompare(b, 'nb')) };
    sheet.addRow(columns.map((c) => cellValue(c, row)));
  }
  for (const key of ['lastRestoreTestOn', 'endOfSupportOn']) sheet.getColumn(key).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
