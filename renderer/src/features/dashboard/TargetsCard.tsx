import { Button, Card, Empty, Progress, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { DISTRICTS, type District } from '../../../../shared/domain/districts';
import type { TargetProgress } from '../../../../shared/domain/targets';
import { fenToWanText } from '../../lib/format';
import { TargetsEditor } from './TargetsEditor';
import { useAccount } from '../sync/store';

function Line({ label, part, text }: { label: string; part: NonNullable<TargetProgress['registrations']>; text: (n: number) => string }) {
  const percent = part.share === null ? null : part.share * 100;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text>{label}</Typography.Text>
        <Typography.Text type="secondary">
          {text(part.actual)} / {text(part.target)}
          {percent === null ? '（目标为 0）' : `（${percent.toFixed(1)}%）`}
        </Typography.Text>
      </Space>
      <Progress percent={percent === null ? 0 : Math.min(100, Number(percent.toFixed(1)))} showInfo={false} />
    </div>
  );
}

/** Progress against the year's district targets, and the editor an officer sets them in. */
export function TargetsCard({
  targets,
  year,
  districts,
  narrowed,
  onSaved,
}: {
  targets: TargetProgress | null;
  year: number;
  districts: readonly District[];
  /** Filtered by bank or steward: targets are per district, so not compared. */
  narrowed: boolean;
  onSaved(): void;
}) {
  const [editing, setEditing] = useState(false);
  // Signed in, a user sets targets for their own districts only (the central service refuses others).
  const account = useAccount();
  const own = account?.districts ?? DISTRICTS;
  // Kept stable across renders: the open editor reloads its values when this changes.
  const shown = useMemo(() => (districts.length ? districts : own).filter((d) => own.includes(d)), [districts, own]);
  return (
    <Card
      title={`${year} 年目标完成情况`}
      size="small"
      style={{ height: '100%' }}
      extra={
        <Button size="small" onClick={() => setEditing(true)}>
          设置目标
        </Button>
      }
    >
      {narrowed ? (
        <Typography.Text type="secondary">按银行或管家筛选时不对照区年度目标</Typography.Text>
      ) : !targets ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`尚未设置 ${year} 年目标`} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {targets.registrations && <Line label="质押登记笔数" part={targets.registrations} text={(n) => `${n} 笔`} />}
          {targets.amountFen && <Line label="登记金额" part={targets.amountFen} text={fenToWanText} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {year} 年 1 月 1 日起至本期末 · 设有目标的区：{targets.districts.join('、')}
          </Typography.Text>
        </Space>
      )}
      <TargetsEditor year={year} districts={shown} open={editing} onClose={() => setEditing(false)} onSaved={onSaved} />
    </Card>
  );
}
