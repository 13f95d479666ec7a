import { AppError } from '../../../shared/errors';
import { newId } from '../ids';

interface Upload {
  fileName: string;
  bytes: Uint8Array;
  at: number;
}

/**
 * Files the renderer sent for import, kept in memory so the preview, the check and the
 * import itself do not send the same spreadsheet three times. Old ones are dropped.
 */
export function createUploadStore({ keep = 5, ttlMs = 60 * 60 * 1000 } = {}) {
  const uploads = new Map<string, Upload>();
  return {
    put(fileName: string, bytes: Uint8Array): { uploadId: string; size: number } {
      const now = Date.now();
      for (const [id, u] of uploads) if (now - u.at > ttlMs) uploads.delete(id);
      while (uploads.size >= keep) uploads.delete(uploads.keys().next().value!);
      const uploadId = newId();
      uploads.set(uploadId, { fileName, bytes, at: now });
      return { uploadId, size: bytes.length };
    },
    get(uploadId: string): Upload {
      const u = uploads.get(uploadId);
      if (!u) throw new AppError('NOT_FOUND', '上传的文件已过期，请重新选择文件');
      return u;
    },
  };
}
export type UploadStore = ReturnType<typeof createUploadStore>;
