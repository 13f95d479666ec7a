import { Button, FloatButton, Space, Tour } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../app/store';
import { walkSteps } from './tour-steps';
import { useTourStore } from './tour-store';

const POLL_MS = 400;

/**
 * The guided walkthrough (antd Tour), over whatever page the step is on: it follows the trainee
 * from page to page, moves on once a step is done, and can be paused, resumed and restarted.
 */
export function Walkthrough() {
  const { running, paused, step, tourCase, go, pause, resume, stop } = useTourStore();
  // It walks a sandbox case: over the working data (after leaving, or a restart) it does not show.
  const sandbox = useAppStore((s) => s.info?.sandbox ?? false);
  const steps = useMemo(() => (tourCase ? walkSteps(tourCase) : []), [tourCase]);
  // The page changes under the tour: look again for the step's control and whether it is done.
  const [, setTick] = useState(0);
  // A step moves on when the trainee does it here, not because it was already done (上一步 stays put).
  const doneBefore = useRef(false);
  useEffect(() => {
    if (!running || paused || !sandbox) return;
    doneBefore.current = steps[step]?.done?.() ?? false;
    const timer = setInterval(() => {
      const done = steps[step]?.done?.() ?? false;
      if (done && !doneBefore.current && step < steps.length - 1) go(step + 1);
      doneBefore.current = done;
      setTick((t) => t + 1);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, paused, sandbox, step, steps, go]);

  if (!running || !tourCase || !sandbox) return null;
  if (paused)
    return (
      <FloatButton type="primary" description="继续引导" shape="square" style={{ width: 88 }} onClick={resume} aria-label="继续引导" />
    );
  const last = step >= steps.length - 1;
  return (
    <Tour
      open
      mask={false}
      current={step}
      onChange={go}
      onClose={stop}
      steps={steps.map((s) => ({
        title: s.title,
        description: s.description,
        target: s.target as () => HTMLElement,
        placement: s.placement,
        // Brought into view without moving the whole window (the banner and header stay put).
        scrollIntoViewOptions: { block: 'nearest' },
      }))}
      indicatorsRender={(current, total) => `${current + 1} / ${total}`}
      actionsRender={() => (
        <Space size={6} data-testid="walkthrough-actions">
          {step > 0 && (
            <Button size="small" onClick={() => go(step - 1)}>
              上一步
            </Button>
          )}
          <Button size="small" onClick={() => steps[step]?.demo()}>
            演示
          </Button>
          <Button size="small" onClick={pause}>
            暂停
          </Button>
          <Button size="small" onClick={stop}>
            结束
          </Button>
          <Button size="small" type="primary" onClick={() => (last ? stop() : go(step + 1))}>
            {last ? '完成' : '下一步'}
          </Button>
        </Space>
      )}
    />
  );
}
