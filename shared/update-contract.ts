/** The 软件更新 calls: the state, a check, the download, and the install (refused while unsafe). */
import { z } from 'zod';
import { call } from './call-spec';
import type { UpdateView } from './types/update';

const empty = z.object({}).strict();

export const updateContract = {
  updateStatus: call<UpdateView>()(empty),
  updateCheck: call<UpdateView>()(empty),
  updateDownload: call<UpdateView>()(empty),
  /** Restarts into the downloaded version, unless a sync runs or the renderer has unsaved changes. */
  updateInstall: call<UpdateView>()(z.object({ unsaved: z.boolean() }).strict()),
} as const;
