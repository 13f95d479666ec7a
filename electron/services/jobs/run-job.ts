import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { JobSpec } from './types';

export interface JobEnv {
  db: Database;
  actor: string;
  today: string;
  onProgress: (done: number, total: number) => void;
  isCancelled: () => boolean;
}

const PREVIEW_ROWS = 20;

/** A result already written as JSON text (a valuation's, spliced from its parts): sent as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * The body of every background job; runs in a worker thread (or in-process for the CLI).
 * Each job type loads its modules when it runs, so a valuation worker starts without the
 * spreadsheet and pinyin libraries.
 */
export async function runJob(spec: JobSpec, env: JobEnv): Promise<unknown> {
  const ctx = { actor: env.actor, now: new Date().toISOString() };
  switch (spec.type) {
    case 'import': {
      env.onProgress(0, 1);
      const [{ readTable }, { KINDS }, { suggestMapping }, { runImport }] = await Promise.all([
        import('../importers/read-table'),
        import('../importers/kinds'),
        import('../importers/mapping'),
        import('../importers/run-import'),
      ]);
      const table = await readTable(spec.bytes, spec.fileName);
      if (spec.mode === 'preview') {
        const fields = KINDS[spec.kind].fields;
        return {
          headers: table.headers,
          sample: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c))),
          rowCount: table.rows.length,
          encoding: table.encoding,
          fields,
          mapping: spec.mapping ?? suggestMapping(table.headers, fields),
        };
      }
      return runImport(env.db, table, {
        kind: spec.kind,
        mapping: spec.mapping,
        dryRun: spec.mode === 'dry-run',
        ctx,
        today: env.today,
        onProgress: env.onProgress,
        isCancelled: env.isCancelled,
      });
    }
    case 'export': {
      env.onProgress(0, 1);
      const { exportList } = await import('../exporters/export-list');
      const out = await exportList(env.db, spec.request, spec.format, env.today);
      return { fileName: out.fileName, rows: out.rows, base64: Buffer.from(out.bytes).toString('base64') };
    }
    case 'valuation':
    case 'valuation-merge': {
      const [{ valuePortfolio, mergePackedParts, packedInputs }, { saveRun }] = await Promise.all([
        import('../valuation/portfolio'),
        import('../valuation/runs'),
      ]);
      const json =
        spec.type === 'valuation'
          ? JSON.stringify(valuePortfolio(spec.items, { onProgress: env.onProgress, isCancelled: env.isCancelled }))
          : mergePackedParts(spec.parts);
      if (env.isCancelled()) throw new AppError('CONFLICT', '估值已取消');
      if (!spec.store) return new JsonText(json);
      const items = spec.type === 'valuation' ? spec.items : packedInputs(spec.parts);
      return new JsonText(saveRun(env.db, spec.store, items, json, ctx));
    }
    case 'valuation-part': {
      const { packPart, valuePortfolioPart } = await import('../valuation/portfolio');
      return packPart(valuePortfolioPart(spec.items, { onProgress: env.onProgress, isCancelled: env.isCancelled }), spec.items);
    }
    case 'self-check':
    case 'self-check-part': {
      const { selfCheckAll } = await import('../profile/self-check-all');
      const rowids = spec.type === 'self-check-part' ? spec.rowids : undefined;
      return selfCheckAll(env.db, spec.resourcesDir, env.today, { rowids, onProgress: env.onProgress, isCancelled: env.isCancelled });
    }
    case 'backup': {
      env.onProgress(0, 1);
      const { makeBackup } = await import('../backup/files');
      return makeBackup(env.db, spec.dir, spec.reason, new Date(), spec.keep, spec.spare);
    }
    case 'report': {
      env.onProgress(0, 3);
      const { reportData } = await import('../reports/district/data');
      const data = reportData(env.db, spec.request, new Date().toISOString());
      env.onProgress(1, 3);
      if (env.isCancelled()) throw new AppError('CONFLICT', '报告已取消');
      if (spec.format === 'xlsx') {
        const { reportXlsx } = await import('../reports/district/xlsx');
        const bytes = await reportXlsx(data);
        env.onProgress(3, 3);
        return { fileName: `${data.fileStem}.xlsx`, base64: Buffer.from(bytes).toString('base64') };
      }
      const { pageHeader, reportHtml } = await import('../reports/district/html');
      const html = reportHtml(data);
      env.onProgress(2, 3);
      return { fileName: `${data.fileStem}.pdf`, html, header: pageHeader(data) };
    }
    case 'demo': {
      const { generateDemo } = await import('../demo/generate');
      return generateDemo(env.db, {
        enterprises: spec.enterprises,
        seed: spec.seed,
        // The subsidy policies the demo's applications use (the packaged app's resources folder).
        resourcesDir: spec.resourcesDir,
        today: env.today,
        ctx,
        onProgress: env.onProgress,
        isCancelled: env.isCancelled,
      });
    }
  }
}
