import { Alert, Space, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Exercise } from '../../../../shared/schemas/training';
import type { CaseLibraryView, SandboxView } from '../../../../shared/training-contract';
import { api } from '../../api';
import { CaseLibrary } from './CaseLibrary';
import { ExercisesPanel } from './ExercisesPanel';
import { SandboxPanel } from './SandboxPanel';
import { WalkthroughCard } from './WalkthroughCard';
import { WorkshopsPanel } from './WorkshopsPanel';

/** 培训: the sandbox and its walkthrough, the case library, the exercises and the workshop records. */
export function TrainingPage() {
  const [library, setLibrary] = useState<CaseLibraryView | null>(null);
  const [exercises, setExercises] = useState<Exercise[]>([]);
  const [sandbox, setSandbox] = useState<SandboxView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    void api()
      .sandboxStatus({})
      .then(setSandbox)
      .catch(() => setSandbox(null));
  }, []);
  useEffect(() => {
    Promise.all([api().caseLibrary({}), api().exercisesList({})])
      .then(([l, e]) => (setLibrary(l), setExercises(e)))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    refresh();
  }, [refresh]);
  if (error) return <Alert type="error" showIcon message="培训资料未能读取" description={error} />;
  if (!library) return <Spin />;
  return (
    <Tabs
      items={[
        {
          key: 'sandbox',
          label: '培训沙盒',
          children: (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <SandboxPanel onChanged={refresh} />
              <WalkthroughCard library={library} loaded={sandbox?.dataset.loaded ?? false} />
            </Space>
          ),
        },
        { key: 'library', label: '典型案例', children: <CaseLibrary library={library} /> },
        { key: 'exercises', label: '练习', children: <ExercisesPanel exercises={exercises} /> },
        { key: 'workshops', label: '培训记录', children: <WorkshopsPanel /> },
      ]}
    />
  );
}
