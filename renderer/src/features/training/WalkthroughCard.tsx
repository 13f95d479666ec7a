import { Alert, Button, Card, Space, Typography } from 'antd';
import type { CaseLibraryView } from '../../../../shared/training-contract';
import { useAppStore } from '../../app/store';
import { walkSteps } from './tour-steps';
import { useTourStore } from './tour-store';

/** Starts, resumes or restarts the guided walkthrough of the tour case. */
export function WalkthroughCard({ library, loaded }: { library: CaseLibraryView; loaded: boolean }) {
  const sandbox = useAppStore((s) => s.info?.sandbox ?? false);
  const { running, paused, step, start, resume, stop } = useTourStore();
  const tourCase = { caseId: library.tour.caseId, enterpriseName: library.tour.enterpriseName };
  const total = walkSteps(tourCase).length;
  const ready = sandbox && loaded;
  return (
    <Card title="引导演练" data-testid="walkthrough-card">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          跟着一个沙盒案件（{library.tour.enterpriseName}）走完闭环：白名单 → 走访 → 贷前清单 → 产品匹配 → 价值评估 → 质押登记 → 贴息测算 →
          结案，共 {total} 步。每一步指向真实的按钮，等学员操作；按“演示”由系统代为操作。可随时暂停，稍后从停下的地方继续。
        </Typography.Paragraph>
        {!ready && (
          <Alert type="info" showIcon message={sandbox ? '请先载入培训数据。' : '引导在培训模式中进行：请先进入培训模式并载入培训数据。'} />
        )}
        <Space>
          {running ? (
            <>
              {paused && (
                <Button type="primary" onClick={resume}>
                  从第 {step + 1} 步继续
                </Button>
              )}
              <Button onClick={() => start(tourCase)} disabled={!ready}>
                从头开始
              </Button>
              <Button onClick={stop}>结束引导</Button>
            </>
          ) : (
            <Button type="primary" onClick={() => start(tourCase)} disabled={!ready}>
              开始引导
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}
