import { useCallback, useEffect, useRef, useState } from 'react';
import { jobResult, type JobStatusView } from '../../../shared/types/jobs';
import { api } from '../api';

const POLL_MS = 150;

/**
 * Starts a background job in the main process and follows it: progress, result, error.
 * Polling works the same over IPC and the harness; the renderer never does the work itself.
 */
export function useJob<R>() {
  const [job, setJob] = useState<JobStatusView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  const waiters = useRef<((s: JobStatusView) => void)[]>([]);

  const stop = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  const follow = useCallback((id: string) => {
    const tick = async () => {
      try {
        const s = await api().jobStatus({ id });
        setJob(s);
        if (s.state === 'running') timer.current = window.setTimeout(tick, POLL_MS);
        else {
          if (s.error) setError(s.error.message);
          waiters.current.splice(0).forEach((w) => w(s));
        }
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        waiters.current.splice(0).forEach((w) => w({ id, type: 'import', state: 'failed', done: 0, total: 0, startedAt: '' }));
      }
    };
    void tick();
  }, []);

  /** Runs start(), follows the job, and resolves with its result (or null when it failed or was cancelled). */
  const run = useCallback(
    async (start: () => Promise<JobStatusView>): Promise<R | null> => {
      stop();
      setError(null);
      let started: JobStatusView;
      try {
        started = await start();
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        return null;
      }
      setJob(started);
      const finished = await new Promise<JobStatusView>((resolve) => {
        waiters.current.push(resolve);
        follow(started.id);
      });
      return finished.state === 'done' ? jobResult<R>(finished) : null;
    },
    [follow],
  );

  const cancel = useCallback(async () => {
    if (job?.state === 'running') await api().jobCancel({ id: job.id });
  }, [job]);

  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  return { job, error, running: job?.state === 'running', percent, run, cancel, reset: () => (setJob(null), setError(null)) };
}
