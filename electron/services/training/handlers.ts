/** The contract's 培训 calls: the sandbox, the case library, the exercises and the workshop records. */
import { scoreExercise } from '../../../shared/domain/training/exercises';
import { AppError } from '../../../shared/errors';
import { needDb, writer, type HandlerContext } from '../handler-context';
import { getPolicy } from '../policies/load';
import type { Handlers } from '../rpc/dispatch';
import { loadDataset } from './dataset';
import { loadExercises, loadTypicalCases } from './library';
import { WORKSHOPS_NOT_IN_SANDBOX } from './sandbox-files';
import { deleteSnapshot, loadTrainingData, resetSandbox, restoreSnapshot, sandboxView, saveSnapshot } from './sandbox';
import { deleteWorkshop, listWorkshops, saveWorkshop } from './workshops';

type TrainingCalls =
  | 'sandboxStatus'
  | 'sandboxEnter'
  | 'sandboxLeave'
  | 'sandboxLoad'
  | 'sandboxReset'
  | 'snapshotSave'
  | 'snapshotRestore'
  | 'snapshotDelete'
  | 'caseLibrary'
  | 'exercisesList'
  | 'exerciseCheck'
  | 'workshopsList'
  | 'workshopSave'
  | 'workshopDelete';

/** Workshop records are real: kept in the working database only, never in the sandbox. */
function workingDb(ctx: HandlerContext) {
  if (ctx.training.active()) throw new AppError('CONFLICT', WORKSHOPS_NOT_IN_SANDBOX);
  return needDb(ctx);
}

export function trainingHandlers(ctx: HandlerContext): Pick<Handlers, TrainingCalls> {
  return {
    sandboxStatus: () => sandboxView(ctx),
    sandboxEnter: () => ctx.training.enter(),
    sandboxLeave: () => ctx.training.leave(),
    sandboxLoad: async () => (await loadTrainingData(ctx), sandboxView(ctx)),
    sandboxReset: async () => (await resetSandbox(ctx), sandboxView(ctx)),
    snapshotSave: ({ name, overwrite }) => saveSnapshot(ctx, name, overwrite),
    snapshotRestore: async ({ name }) => (await restoreSnapshot(ctx, name), sandboxView(ctx)),
    snapshotDelete: ({ name }) => (deleteSnapshot(ctx, name), sandboxView(ctx)),
    caseLibrary: () => {
      const library = loadTypicalCases(ctx.resourcesDir);
      const data = loadDataset(ctx.resourcesDir);
      const tour = data.cases.find((c) => c.id === data.tourCaseId)!;
      const enterprise = data.steps.find((s) => s.name === 'enterprise.save' && s.args.id === tour.enterpriseId);
      return {
        source: library.source,
        cases: library.cases.map((t) => ({ ...t, sandboxCase: data.cases.find((c) => c.id === t.sandboxCaseId) ?? null })),
        tour: { caseId: tour.id, enterpriseId: tour.enterpriseId, enterpriseName: String(enterprise?.args.name ?? '') },
      };
    },
    exercisesList: () => loadExercises(ctx.resourcesDir).exercises,
    exerciseCheck: (answer) => {
      const ex = loadExercises(ctx.resourcesDir).exercises.find((e) => e.id === answer.exerciseId);
      if (!ex) throw new AppError('NOT_FOUND', '练习不存在');
      if (ex.type !== answer.type) throw new AppError('INVALID_INPUT', '答案类型与练习不符');
      return scoreExercise(ex, answer, (id) => getPolicy(ctx.resourcesDir, id));
    },
    workshopsList: (filter) => listWorkshops(workingDb(ctx), filter),
    workshopSave: (input) => saveWorkshop(workingDb(ctx), input, writer(workingDb(ctx))),
    workshopDelete: ({ id }) => (deleteWorkshop(workingDb(ctx), id, writer(workingDb(ctx))), { deleted: true }),
  };
}
