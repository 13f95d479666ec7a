import { Alert, Button, Card, Checkbox, Form, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import type { ExerciseScore } from '../../../../shared/domain/training/exercises';
import { IP_KIND_LABELS, LEGAL_STATUS_LABELS } from '../../../../shared/domain/ip';
import { formatYuan } from '../../../../shared/money';
import type { Exercise, ExerciseItem, PledgeExercise, SubsidyExercise } from '../../../../shared/schemas/training';
import { api } from '../../api';
import { NumberInput } from '../../components/NumberInput';
import { numberRule, readNumber } from '../../lib/numbers';

const LEVEL_COLORS = { block: 'red', risk: 'orange', confirm: 'blue', warn: 'gold' } as const;
const yuan = (fen: number) => `${formatYuan(fen)} 元`;
/** A subsidy typed in 元: never negative, at most 1 亿元 (no district pays more to one loan). */
const ANSWER = z.number().int().min(0, '金额不能为负').max(10_000_000_000, '金额不能超过 1 亿元');

function useCheck() {
  const [score, setScore] = useState<ExerciseScore | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = (answer: Parameters<ReturnType<typeof api>['exerciseCheck']>[0]) =>
    api()
      .exerciseCheck(answer)
      .then((s) => (setScore(s), setError(null)))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  return { score, error, check, clear: () => setScore(null) };
}

function Verdict({ correct, text }: { correct: boolean; text: string }) {
  return <Alert type={correct ? 'success' : 'warning'} showIcon message={correct ? '回答正确' : '回答有误'} description={text} />;
}

function PledgeExerciseCard({ ex }: { ex: PledgeExercise }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const { score, error, check, clear } = useCheck();
  const verdicts = score?.type === 'pledgeable' ? new Map(score.items.map((i) => [i.key, i])) : null;
  const columns = [
    {
      title: '可出质',
      key: 'pick',
      width: 72,
      render: (_: unknown, i: ExerciseItem) => (
        <Checkbox
          aria-label={`${i.title} 可出质`}
          checked={chosen.includes(i.key)}
          onChange={(e) => (clear(), setChosen(e.target.checked ? [...chosen, i.key] : chosen.filter((k) => k !== i.key)))}
        />
      ),
    },
    { title: '类型', key: 'kind', render: (_: unknown, i: ExerciseItem) => IP_KIND_LABELS[i.kind] },
    { title: '编号', dataIndex: 'number', key: 'number' },
    { title: '名称', dataIndex: 'title', key: 'title' },
    { title: '法律状态', key: 'status', render: (_: unknown, i: ExerciseItem) => LEGAL_STATUS_LABELS[i.legalStatus] },
    { title: '授权日', dataIndex: 'grantDate', key: 'grant', render: (v: string | null) => v ?? '—' },
    { title: '年费缴至', dataIndex: 'feePaidThrough', key: 'fee', render: (v: string | null) => v ?? '—' },
    { title: '权利人', key: 'owners', render: (_: unknown, i: ExerciseItem) => i.owners.join('、') },
    { title: '已质押', key: 'pledged', render: (_: unknown, i: ExerciseItem) => (i.pledged ? '是' : '否') },
    ...(verdicts
      ? [
          {
            title: '系统判定',
            key: 'verdict',
            width: 300,
            render: (_: unknown, i: ExerciseItem) => {
              const v = verdicts.get(i.key)!;
              return (
                <Space direction="vertical" size={2}>
                  <Space size={4}>
                    <Tag color={v.pledgeable ? 'green' : 'red'}>{v.pledgeable ? '可以出质' : '不能出质'}</Tag>
                    {v.pledgeable !== v.chosen && <Tag color="orange">判断有误</Tag>}
                  </Space>
                  {v.reasons.map((r) => (
                    <Typography.Text key={r.code} style={{ fontSize: 12 }}>
                      <Tag color={LEVEL_COLORS[r.level]} style={{ marginRight: 4 }}>
                        {r.level === 'block' ? '不能登记' : r.level === 'risk' ? '风险' : r.level === 'confirm' ? '需确认' : '提示'}
                      </Tag>
                      {r.message}
                    </Typography.Text>
                  ))}
                </Space>
              );
            },
          },
        ]
      : []),
  ];
  return (
    <Card size="small" title={ex.title} data-testid={`exercise-${ex.id}`}>
      <Typography.Paragraph>{ex.prompt}</Typography.Paragraph>
      <Table rowKey="key" size="small" columns={columns} dataSource={ex.items} pagination={false} scroll={{ x: 'max-content' }} />
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Button type="primary" onClick={() => void check({ type: 'pledgeable', exerciseId: ex.id, pledgeable: chosen })}>
          提交答案
        </Button>
        {error && <Alert type="error" showIcon message={error} />}
        {score?.type === 'pledgeable' && (
          <Verdict
            correct={score.correct}
            text={`共 ${score.total} 项，判断正确 ${score.right} 项；判定依据与案件中的质押登记检查相同。`}
          />
        )}
      </Space>
    </Card>
  );
}

function SubsidyExerciseCard({ ex }: { ex: SubsidyExercise }) {
  const [form] = Form.useForm<{ amount: string; ineligible: boolean }>();
  const { score, error, check, clear } = useCheck();
  const submit = ({ amount, ineligible }: { amount: string; ineligible: boolean }) =>
    void check({ type: 'subsidy', exerciseId: ex.id, amountFen: ineligible ? null : readNumber(amount, 'yuan') });
  return (
    <Card size="small" title={ex.title} data-testid={`exercise-${ex.id}`}>
      <Typography.Paragraph>{ex.prompt}</Typography.Paragraph>
      <Form
        form={form}
        name={`exercise-${ex.id}`}
        layout="inline"
        onFinish={submit}
        onValuesChange={clear}
        initialValues={{ ineligible: false }}
      >
        <Form.Item noStyle shouldUpdate>
          {() => (
            <Form.Item
              name="amount"
              label="可核定贴息"
              rules={
                form.getFieldValue('ineligible')
                  ? []
                  : [{ required: true, whitespace: true, message: '请填写金额，或选择“不符合申报条件”' }, numberRule(ANSWER, 'yuan')]
              }
            >
              <NumberInput unit="元" style={{ width: 200 }} disabled={form.getFieldValue('ineligible') as boolean} />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="ineligible" valuePropName="checked">
          <Checkbox onChange={() => form.setFields([{ name: 'amount', errors: [] }])}>不符合申报条件</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          提交答案
        </Button>
      </Form>
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        {error && <Alert type="error" showIcon message={error} />}
        {score?.type === 'subsidy' && (
          <>
            <Verdict
              correct={score.correct}
              text={`${score.answeredFen === null ? '你的答案：不符合申报条件' : `你的答案：${yuan(score.answeredFen)}`}；系统按${score.result.policy.title}计算：${score.explanation}`}
            />
            <List
              size="small"
              header="计算过程"
              bordered
              dataSource={score.result.working}
              renderItem={(w) => <List.Item>{w}</List.Item>}
            />
          </>
        )}
      </Space>
    </Card>
  );
}

/** 练习: self-check exercises whose answers the app checks with its own rules. */
export function ExercisesPanel({ exercises }: { exercises: Exercise[] }) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {exercises.map((ex) =>
        ex.type === 'pledgeable' ? <PledgeExerciseCard key={ex.id} ex={ex} /> : <SubsidyExerciseCard key={ex.id} ex={ex} />,
      )}
    </Space>
  );
}
