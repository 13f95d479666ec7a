/**
 * The guided walkthrough's place: running or paused, at which step, on which case. Kept in the
 * window's storage, so a reload (entering 培训模式 reloads) or a pause resumes where it stopped.
 */
import { create } from 'zustand';

export interface TourCase {
  caseId: string;
  enterpriseName: string;
}

interface TourState {
  running: boolean;
  paused: boolean;
  step: number;
  tourCase: TourCase | null;
  start(tourCase: TourCase): void;
  go(step: number): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

const KEY = 'ipf-walkthrough';
type Saved = Pick<TourState, 'running' | 'paused' | 'step' | 'tourCase'>;
const initial: Saved = { running: false, paused: false, step: 0, tourCase: null };

function read(): Saved {
  try {
    return { ...initial, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Saved>) };
  } catch {
    return initial;
  }
}

export const useTourStore = create<TourState>((set, get) => {
  const save = (patch: Partial<Saved>) => {
    set(patch);
    const { running, paused, step, tourCase } = get();
    localStorage.setItem(KEY, JSON.stringify({ running, paused, step, tourCase }));
  };
  return {
    ...read(),
    start: (tourCase) => save({ running: true, paused: false, step: 0, tourCase }),
    go: (step) => save({ step }),
    pause: () => save({ paused: true }),
    resume: () => save({ paused: false }),
    stop: () => save({ running: false, paused: false, step: 0 }),
  };
});
