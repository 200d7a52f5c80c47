import {
  MAX_IMPORT_FILE_BYTES,
  type TCreateAssessmentImportRequest,
} from '../../../shared/schemas/imports.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { assessingUnits } from './imports.access.ts';
import { fileProblem, readTable } from './read-table.ts';
import { stageRows } from './stage-rows.ts';

/**
 * Receives a file of joint assessments for a round and queues it. What the file alone can tell is
 * checked here — readable CSV/XLSX, not empty, at most 5,000 rows, a heading naming `cpr`, `date`,
 * `position` and only factor codes of the round's catalogue version — and refused at once (400); the rows
 * are read and kept, CPR numbers as their look-up hash, for the job that checks them against the database
 * and writes them (run-assessment-import.ts).
 */
export const createAssessmentImport = defineUseCase(
  'write:assessment:unit',
  async (ctx, input: TCreateAssessmentImportRequest): Promise<{ id: string }> => {
    const m = ctx.user.municipalityId;
    const round = await ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        `SELECT r.id, fc.version, r.opens_on <= current_date AND current_date <= r.closes_on AS open,
              EXISTS (SELECT 1 FROM round_units ru WHERE ru.municipality_id = r.municipality_id AND ru.round_id = r.id
                         AND ru.unit_id = ANY($3::uuid[])) AS assessable,
              ARRAY(SELECT f.code FROM factors f WHERE f.municipality_id = r.municipality_id AND f.catalogue_id = r.catalogue_id) AS codes,
              ARRAY(SELECT DISTINCT f.code FROM factors f WHERE f.municipality_id = r.municipality_id AND f.catalogue_id <> r.catalogue_id) AS elsewhere
         FROM assessment_rounds r
         JOIN factor_catalogues fc ON fc.municipality_id = r.municipality_id AND fc.id = r.catalogue_id
        WHERE r.municipality_id = $1 AND r.id = $2`,
        [m, input.roundId, assessingUnits(ctx)],
      );
      return rows[0] as
        | {
            id: string;
            version: number;
            open: boolean;
            assessable: boolean;
            codes: string[];
            elsewhere: string[];
          }
        | undefined;
    });
    // A round of another municipality, or one none of the user's units takes part in, is not found.
    if (!round?.assessable) throw new AppError('NOT_FOUND');
    if (!round.open) throw new AppError('ROUND_CLOSED');
    const bytes = Buffer.from(input.content, 'base64');
    if (bytes.length > MAX_IMPORT_FILE_BYTES) throw fileProblem('field.importTooLarge');
    const codes = new Set(round.codes);
    const staged = stageRows(
      await readTable(input.format, bytes),
      { version: round.version, codes, elsewhere: new Set(round.elsewhere.filter((c) => !codes.has(c))) },
      (cpr) => ctx.cipher.hash(cpr),
    );
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        `INSERT INTO assessment_imports (municipality_id, round_id, user_id, file_name, format, layout, total_rows, staged, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          m,
          round.id,
          ctx.user.userId,
          input.fileName,
          input.format,
          staged.layout,
          staged.rows.length,
          JSON.stringify(staged),
          ctx.ip,
        ],
      );
      return { id: rows[0].id as string };
    });
  },
);
