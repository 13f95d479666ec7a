import { Alert, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import type { AchievementRow, NeedMatchView, NeedRow } from '../../../../shared/types/tech';
import { api } from '../../api';
import { fenToWanText } from '../../lib/format';
import { FollowUpText, ImportButton, MatchReasonLine, RankBadge, useRankedMatches } from './common';

/** 匹配需求: the enterprises' needs an achievement could answer, ranked, with why and where each pairing's follow-up stands. */
export function AchievementMatches({ achievement, onOpenNeed }: { achievement: AchievementRow; onOpenNeed: (n: NeedRow) => void }) {
  const {
    matches,
    error,
    none: noNeeds,
    ref,
  } = useRankedMatches(
    achievement.id,
    achievement.updatedAt,
    () => api().techMatchesForAchievement({ achievementId: achievement.id, k: 10 }),
    async () => (await api().techNeedsList({ search: '' })).length === 0,
  );

  let body: React.ReactNode;
  if (error) body = <Alert type="error" showIcon title="匹配需求未能读取" description={error} />;
  else if (!matches) body = <Spin />;
  else if (matches.length === 0)
    body = noNeeds ? (
      <Empty
        description={
          <Space orientation="vertical" size={4}>
            <span>还没有企业的技术需求。</span>
            <Typography.Text type="secondary">
              在“技术需求”页登记，或从 Excel 批量导入（企业与白名单 → 导入，导入内容选“技术需求”）。
            </Typography.Text>
          </Space>
        }
      >
        <ImportButton kind="needs" type="default" />
      </Empty>
    ) : (
      <Empty
        description={
          <Space orientation="vertical" size={4}>
            <span>没有与这项成果相近的技术需求。</span>
            <Typography.Text type="secondary">现有需求与它没有共同的关键词或 IPC 分类：补充成果简介或 IPC 分类后再看。</Typography.Text>
          </Space>
        }
      />
    );
  else
    body = (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {matches.map((m, i) => (
          <NeedItem key={m.need.id} rank={i + 1} match={m} onOpen={() => onOpenNeed(m.need)} />
        ))}
      </Space>
    );
  return (
    <div ref={ref} style={{ scrollMarginTop: 8 }}>
      <Card
        size="small"
        title={`匹配需求：${achievement.title}`}
        extra={<Typography.Text type="secondary">按共同关键词与 IPC 分类排序，最多 10 项；跟进在“技术需求”页记录</Typography.Text>}
      >
        {body}
      </Card>
    </div>
  );
}

function NeedItem({ rank, match, onOpen }: { rank: number; match: NeedMatchView; onOpen: () => void }) {
  const n = match.need;
  return (
    <div data-testid={`need-match-${n.id}`} style={{ display: 'flex', gap: 12, paddingBottom: 12, borderBottom: '1px solid #f0f0f0' }}>
      <RankBadge rank={rank} />
      <Space orientation="vertical" size={4} style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong>{n.title}</Typography.Text>
        <Typography.Text type="secondary">
          {n.enterpriseName}（{n.district}）{n.field && ` · ${n.field}`} · 预算 {fenToWanText(n.budgetFen)}
          {n.deadline && ` · 期望 ${n.deadline} 前完成`}
        </Typography.Text>
        <MatchReasonLine match={match} />
        <Space size={8} wrap>
          <Typography.Text type="secondary">跟进：</Typography.Text>
          <FollowUpText followUp={match.followUp} />
          <Button size="small" type="link" onClick={onOpen}>
            查看这条需求
          </Button>
        </Space>
      </Space>
    </div>
  );
}
