import { Alert, Button, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { STAGE_LABELS } from '../../../../shared/domain/case-stages';
import type { CaseLibraryView } from '../../../../shared/training-contract';
import { navigate } from '../../app/useHashRoute';
import { useAppStore } from '../../app/store';

const KIND_LABELS = { district: '区级实践', bank: '银行产品', guarantor: '担保与证券化', association: '协会服务' } as const;
const KIND_COLORS = { district: 'blue', bank: 'green', guarantor: 'purple', association: 'orange' } as const;

/** 典型案例: the ten typical cases of 2023, their figures, what each teaches, and the sandbox case built on it. */
export function CaseLibrary({ library }: { library: CaseLibraryView }) {
  const sandbox = useAppStore((s) => s.info?.sandbox ?? false);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary">来源：{library.source}。每个案例都对应沙盒中的一个演练案件，停在闭环的不同阶段。</Typography.Text>
      {!sandbox && <Alert type="info" showIcon message="进入培训模式并载入培训数据后，可打开各案例对应的沙盒案件。" />}
      <Row gutter={[16, 16]}>
        {library.cases.map((c) => (
          <Col key={c.no} xs={24} xl={12}>
            <Card
              size="small"
              data-testid={`typical-case-${c.no}`}
              title={
                <Space size={8} style={{ whiteSpace: 'normal' }}>
                  <Tag color={KIND_COLORS[c.kind]}>案例 {c.no}</Tag>
                  <span style={{ whiteSpace: 'normal' }}>{c.title}</span>
                </Space>
              }
              styles={{ header: { height: 'auto', padding: '8px 12px' } }}
            >
              <Space direction="vertical" size={8} style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <Tag>{c.actor}</Tag>
                  <Tag>{KIND_LABELS[c.kind]}</Tag>
                </Space>
                <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
                  {c.summary}
                </Typography.Paragraph>
                {c.figures.length > 0 && (
                  <Space size={24} wrap>
                    {c.figures.map((f) => (
                      <Statistic key={f.label} title={f.label} value={f.value} valueStyle={{ fontSize: 18 }} />
                    ))}
                  </Space>
                )}
                <List
                  size="small"
                  header={<Typography.Text strong>学习要点</Typography.Text>}
                  dataSource={c.teaches}
                  renderItem={(t) => <List.Item style={{ padding: '2px 0' }}>· {t}</List.Item>}
                />
                {c.sandboxCase && (
                  <Space wrap>
                    <Typography.Text type="secondary">
                      沙盒案件：{c.sandboxCase.title}（{STAGE_LABELS[c.sandboxCase.stage]}）
                    </Typography.Text>
                    <Button size="small" disabled={!sandbox} onClick={() => navigate(`cases/${c.sandboxCase!.id}`)}>
                      打开沙盒案件
                    </Button>
                  </Space>
                )}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
