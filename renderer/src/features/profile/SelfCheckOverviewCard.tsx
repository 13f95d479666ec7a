import { Alert, Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { SelfCheckTally } from '../../../../shared/domain/qualification/tally';
import { api } from '../../api';
import { useJob } from '../../lib/useJob';

type Row = SelfCheckTally['bySet'][number];

const share = (n: number, of: number) => (of > 0 ? `${n}（${((n / of) * 100).toFixed(1)}%）` : String(n));

/**
 * The officer's view of a whole district's qualifications: every enterprise on this machine
 * self-checked against each criteria set in force, by the data typed so far. A background job
 * with progress; the filters above do not apply (it counts every enterprise).
 */
export function SelfCheckOverviewCard() {
  const job = useJob<SelfCheckTally>();
  const [tally, setTally] = useState<SelfCheckTally | null>(null);
  const start = async () => {
    const r = await job.run(() => api().selfCheckAllStart({}));
    if (r) setTally(r);
  };
  return (
    <Card
      title="资质自评概览（本机全部企业，不随上方筛选）"
      size="small"
      extra={
        <Space>
          {job.running && (
            <>
              <Progress type="circle" size={24} percent={job.percent} aria-label="正在自评" />
              <Typography.Text type="secondary">
                {job.job?.done ?? 0} / {job.job?.total ?? 0} 家
              </Typography.Text>
              <Button size="small" onClick={() => void job.cancel()}>
                取消
              </Button>
            </>
          )}
          <Button size="small" type="primary" disabled={job.running} onClick={() => void start()}>
            {tally ? '重新自评' : '开始自评'}
          </Button>
        </Space>
      }
    >
      {job.error && <Alert type="error" showIcon message={`自评未完成：${job.error}`} style={{ marginBottom: 8 }} />}
      {!tally ? (
        <Typography.Text type="secondary">
          按每家企业已录入的数据（员工、营收、研发费用、知识产权及管家补充的画像数据），对在用的资质标准逐一自评并汇总。数据缺失的企业计为“尚不能确定”。
        </Typography.Text>
      ) : (
        <Table<Row>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={tally.bySet}
          locale={{ emptyText: '自评日期没有在用的资质标准' }}
          columns={[
            { key: 'title', title: '资质标准', dataIndex: 'title' },
            { key: 'pass', title: '符合', align: 'right', render: (_, r) => share(r.pass, tally.enterprises) },
            { key: 'fail', title: '不符合', align: 'right', render: (_, r) => share(r.fail, tally.enterprises) },
            { key: 'unknown', title: '尚不能确定（缺数据）', align: 'right', render: (_, r) => share(r.unknown, tally.enterprises) },
          ]}
          footer={() =>
            tally.enterprises === 0
              ? '本机还没有企业'
              : `共 ${tally.enterprises} 家企业，自评日期 ${tally.asOf}。结果为按已录入数据的估算，申报前请以主管部门认定为准。`
          }
        />
      )}
    </Card>
  );
}
