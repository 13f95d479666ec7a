import { Alert, Button, Card, Col, Empty, List, Row, Space, Spin, Statistic, Tag, Typography, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { heldCertificate } from '../../../../shared/domain/profile/held';
import type { Bucket } from '../../../../shared/domain/profile/portfolio';
import type { ProfileView } from '../../../../shared/profile-contract';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { EChart } from '../../components/EChart';
import { downloadBase64 } from '../../lib/files';
import { fenToWanText } from '../../lib/format';
import { ChecksPanel, RESULT_LOOK } from './ChecksPanel';
import { ProfileEditor } from './ProfileEditor';

const bars = (buckets: readonly Bucket[]) => ({
  grid: { left: 40, right: 12, top: 16, bottom: 36 },
  tooltip: {},
  xAxis: { type: 'category', data: buckets.map((b) => b.label), axisLabel: { interval: 0, fontSize: 11 } },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: buckets.map((b) => b.count), itemStyle: { color: '#1d5fd1' }, label: { show: true, position: 'top' } }],
});
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** 企业画像: one enterprise's portfolio, growth and risks, and every qualification self-check, printable. */
export function ProfilePage({ enterpriseId }: { enterpriseId: string }) {
  const [view, setView] = useState<ProfileView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    setView(null);
    api()
      .profileGet({ enterpriseId })
      .then((v) => (setView(v), setError(null)))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [enterpriseId]);
  const growthOption = useMemo(
    () =>
      view && {
        grid: { left: 60, right: 12, top: 30, bottom: 30 },
        tooltip: {},
        legend: { top: 0 },
        xAxis: { type: 'category', data: view.growth.years.map((y) => `${y.year} 年`) },
        yAxis: { type: 'value', name: '万元' },
        series: [
          { name: '营业收入', type: 'bar', data: view.growth.years.map((y) => (y.revenueFen === null ? null : y.revenueFen / 1e6)) },
          { name: '研发费用', type: 'bar', data: view.growth.years.map((y) => (y.rdFen === null ? null : y.rdFen / 1e6)) },
        ],
      },
    [view],
  );
  if (error) return <Alert type="error" showIcon message="企业画像未能读取" description={error} />;
  if (!view) return <Spin />;
  const p = view.portfolio;
  const report = async () => {
    setPrinting(true);
    try {
      const r = await api().profileReport({ enterpriseId });
      downloadBase64(r.fileName, r.base64);
      void message.success(`已生成 ${r.fileName}`);
    } catch (err) {
      void message.error({ content: err instanceof Error ? err.message : String(err), duration: 6 });
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="profile-page">
      <Card
        title={
          <Space wrap>
            <Button type="link" onClick={() => navigate('whitelist')} style={{ padding: 0 }}>
              ← 企业列表
            </Button>
            <Typography.Text strong>{view.enterprise.name}</Typography.Text>
            <Tag>{view.enterprise.district}</Tag>
            {view.enterprise.qualifications.map((q) => (
              <Tag key={q} color="blue">
                {q}
              </Tag>
            ))}
          </Space>
        }
        extra={
          <Space>
            <Button onClick={() => setEditing(true)}>补充数据</Button>
            <Button onClick={() => navigate('tech', { enterprise: enterpriseId })}>技术对接</Button>
            <Button type="primary" loading={printing} onClick={() => void report()}>
              导出画像报告（PDF）
            </Button>
          </Space>
        }
      >
        <Row gutter={16}>
          <Col span={4}>
            <Statistic title="知识产权" value={p.total} suffix="项" />
          </Col>
          <Col span={4}>
            <Statistic title="有效" value={p.live} suffix="项" />
          </Col>
          <Col span={4}>
            <Statistic title="共有" value={p.coOwned} suffix="项" />
          </Col>
          <Col span={4}>
            <Statistic title="已质押" value={`${p.pledged} 项（${pct(p.pledgedShare)}）`} />
          </Col>
          <Col span={4}>
            <Statistic title="上年营收" value={fenToWanText(view.growth.years.at(-1)?.revenueFen ?? view.enterprise.revenueFen)} />
          </Col>
          <Col span={4}>
            <Statistic title="营收复合增长" value={pct(view.growth.revenueCagr)} />
          </Col>
        </Row>
        <Space wrap style={{ marginTop: 12 }}>
          {view.checks.map((c) =>
            heldCertificate(c, view.enterprise.qualifications) ? (
              <Tag key={c.set.id} color="blue">
                {c.set.qualification}：已认定（证书在档）
              </Tag>
            ) : (
              <Tag key={c.set.id} color={RESULT_LOOK[c.result].color}>
                {c.set.qualification}：{RESULT_LOOK[c.result].text}
              </Tag>
            ),
          )}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title="按类型">
            <EChart label="知识产权按类型" option={bars(p.byKind)} height={220} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="有效项目的剩余保护期">
            <EChart label="剩余保护期" option={bars(p.byRemaining)} height={220} />
          </Card>
        </Col>
        <Col span={12} style={{ marginTop: 16 }}>
          <Card size="small" title="有效项目的申请年限">
            <EChart label="申请年限" option={bars(p.byAge)} height={220} />
          </Card>
        </Col>
        <Col span={12} style={{ marginTop: 16 }}>
          <Card size="small" title="IPC 分类（小类）">
            {p.ipc.length ? <EChart label="IPC 分类" option={bars(p.ipc)} height={220} /> : <Empty description="知识产权未记录 IPC 分类" />}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="风险信号">
        {p.risks.length ? (
          <List
            size="small"
            dataSource={p.risks}
            renderItem={(r) => (
              <List.Item>
                <Tag color={r.level === 'danger' ? 'red' : 'orange'}>{r.level === 'danger' ? '风险' : '提示'}</Tag>
                {r.message}
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">未发现年费、保护期、权属或重复质押方面的风险。</Typography.Text>
        )}
      </Card>
      <Card size="small" title="成长性与研发强度">
        {view.growth.years.length && growthOption ? (
          <>
            <EChart label="营业收入与研发费用" option={growthOption} height={240} />
            <Space size={24} wrap>
              {view.growth.years.map((y) => (
                <Typography.Text key={y.year}>
                  {y.year} 年研发强度 {pct(y.rdIntensity)}
                  {y.revenueGrowth !== null ? `，营收增长 ${pct(y.revenueGrowth)}` : ''}
                </Typography.Text>
              ))}
            </Space>
          </>
        ) : (
          <Empty description="尚未填写年度财务数据：点击“补充数据”填写近三年营业收入和研发费用" />
        )}
      </Card>
      <Card
        size="small"
        title={`资质自评（${view.asOf}）`}
        extra={<Typography.Text type="secondary">按各认定标准逐项计算，不代替主管部门的认定</Typography.Text>}
      >
        <ChecksPanel checks={view.checks} />
      </Card>
      {editing && (
        <ProfileEditor
          view={view}
          onClose={() => setEditing(false)}
          onSaved={(v) => {
            setView(v);
            setEditing(false);
          }}
        />
      )}
    </Space>
  );
}
