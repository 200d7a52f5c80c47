import { MAX_IMPORT_FILE_BYTES, type TImportFormat } from '../../../shared/schemas/imports';

/** The format from the file's name; null for anything but .csv and .xlsx. */
export function formatOf(fileName: string): TImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export const tooBig = (file: File) => file.size > MAX_IMPORT_FILE_BYTES;

/** The file's bytes as base64, for the JSON body. */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}
