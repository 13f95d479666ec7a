import { Alert, Collapse, Space, Table, Tag, Typography } from 'antd';
import type { IndicatorResult, QualificationResult } from '../../../../shared/domain/qualification';

export const RESULT_LOOK = {
  pass: { color: 'green', text: '预计符合' },
  fail: { color: 'red', text: '不符合' },
  unknown: { color: 'gold', text: '尚不能确定' },
} as const;
const STATUS_LOOK = {
  met: { color: 'green', text: '符合' },
  not_met: { color: 'red', text: '不符合' },
  unknown: { color: 'default', text: '待补充' },
} as const;

const points = (i: IndicatorResult) =>
  i.points !== undefined
    ? `${i.points}${i.maxPoints ? ` / ${i.maxPoints}` : ''}`
    : i.pointsRange
      ? `${i.pointsRange.low}–${i.pointsRange.high}${i.maxPoints ? ` / ${i.maxPoints}` : ''}`
      : '';

/** Each self-check with its indicators met / not met / unknown, the missing data named, the score. */
export function ChecksPanel({ checks }: { checks: QualificationResult[] }) {
  return (
    <Collapse
      data-testid="qualification-checks"
      items={checks.map((c) => ({
        key: c.set.id,
        label: (
          <Space wrap>
            <Typography.Text strong>{c.set.title}</Typography.Text>
            <Tag color={RESULT_LOOK[c.result].color}>{RESULT_LOOK[c.result].text}</Tag>
            {c.route && <Tag color="blue">{c.route}</Tag>}
            {c.score && (
              <Typography.Text type="secondary">
                得分 {c.score.points ?? `${c.score.low}–${c.score.high}`} / {c.score.max}（{c.score.pass} 分通过）
              </Typography.Text>
            )}
            {c.set.weak && <Tag>弱信息</Tag>}
          </Space>
        ),
        children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              依据：{c.set.source.number}《{c.set.source.title}》（{c.set.version}，{c.set.effectiveFrom} 起）
            </Typography.Text>
            {c.set.weak && (
              <Alert type="warning" showIcon message="标准原文未能逐条核实，结果仅供参考" description={c.set.note || undefined} />
            )}
            {c.missing.length > 0 && (
              <Alert
                type="info"
                showIcon
                message="补充以下数据后可得出结论"
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {c.missing.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={c.indicators}
              columns={[
                { title: '指标', dataIndex: 'label', key: 'label', width: '32%' },
                { title: '企业情况', dataIndex: 'value', key: 'value' },
                { title: '要求', dataIndex: 'threshold', key: 'threshold' },
                {
                  title: '结论',
                  key: 'status',
                  width: 80,
                  render: (_: unknown, i: IndicatorResult) => <Tag color={STATUS_LOOK[i.status].color}>{STATUS_LOOK[i.status].text}</Tag>,
                },
                { title: '分值', key: 'points', width: 80, render: (_: unknown, i: IndicatorResult) => points(i) },
              ]}
            />
          </Space>
        ),
      }))}
    />
  );
}
