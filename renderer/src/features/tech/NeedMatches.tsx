import { Alert, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { AchievementMatchView, FollowUpView, NeedRow } from '../../../../shared/types/tech';
import { api } from '../../api';
import { FollowUpText, ImportButton, MatchReasonLine, RankBadge, useRankedMatches } from './common';
import { FollowUpForm } from './FollowUpForm';

/** 推荐成果: the achievements that best answer a need, ranked, each with why and its follow-up. */
export function NeedMatches({ need, onOpenAchievements }: { need: NeedRow; onOpenAchievements: () => void }) {
  const {
    matches,
    setMatches,
    error,
    none: noAchievements,
    ref,
  } = useRankedMatches(
    need.id,
    need.updatedAt,
    () => api().techMatchesForNeed({ needId: need.id, k: 10 }),
    async () => (await api().achievementsList({ search: '', limit: 0 })).total === 0,
  );
  const followed = (achievementId: string, followUp: FollowUpView) =>
    setMatches((ms) => ms && ms.map((m) => (m.id === achievementId ? { ...m, followUp } : m)));

  let body: React.ReactNode;
  if (error) body = <Alert type="error" showIcon title="推荐成果未能读取" description={error} />;
  else if (!matches) body = <Spin />;
  else if (matches.length === 0)
    body = noAchievements ? (
      <Empty
        description={
          <Space orientation="vertical" size={4}>
            <span>还没有科技成果可供推荐。</span>
            <Typography.Text type="secondary">
              先导入高校院所的成果清单（企业与白名单 → 导入，导入内容选“科技成果”），或在“科技成果”页逐项添加。
            </Typography.Text>
          </Space>
        }
      >
        <Space>
          <ImportButton kind="achievements" type="default" />
        </Space>
      </Empty>
    ) : (
      <Empty
        description={
          <Space orientation="vertical" size={4}>
            <span>没有与这条需求相近的成果。</span>
            <Typography.Text type="secondary">
              现有成果与它没有共同的关键词或 IPC 分类：可补充需求描述、技术领域或 IPC 分类后再看，或
              <Typography.Link onClick={onOpenAchievements}>查看全部科技成果</Typography.Link>。
            </Typography.Text>
          </Space>
        }
      />
    );
  else
    body = (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {matches.map((m, i) => (
          <MatchItem key={m.id} rank={i + 1} match={m} needId={need.id} onFollowed={(f) => followed(m.id, f)} />
        ))}
      </Space>
    );
  return (
    <div ref={ref} style={{ scrollMarginTop: 8 }}>
      <Card
        size="small"
        title={`推荐成果：${need.title}`}
        extra={<Typography.Text type="secondary">按共同关键词与 IPC 分类排序，最多 10 项</Typography.Text>}
      >
        {body}
      </Card>
    </div>
  );
}

function MatchItem({
  rank,
  match,
  needId,
  onFollowed,
}: {
  rank: number;
  match: AchievementMatchView;
  needId: string;
  onFollowed: (f: FollowUpView) => void;
}) {
  // null: deleted after the pairing was followed; the record stays readable, no longer editable.
  const a = match.achievement;
  return (
    <div
      className="tech-match"
      data-testid={`match-${match.id}`}
      style={{ display: 'flex', gap: 12, paddingBottom: 12, borderBottom: '1px solid #f0f0f0' }}
    >
      <RankBadge rank={rank} />
      <Space orientation="vertical" size={4} style={{ flex: 1, minWidth: 0 }}>
        {a ? (
          <>
            <Space size={[8, 4]} wrap>
              <Typography.Text strong data-testid="match-title">
                {a.title}
              </Typography.Text>
              {a.maturity && <Tag style={{ marginInlineEnd: 0 }}>{a.maturity}</Tag>}
              {a.transferModes.map((t) => (
                <Tag key={t} color="cyan" style={{ marginInlineEnd: 0 }}>
                  {t}
                </Tag>
              ))}
            </Space>
            <Typography.Text type="secondary">
              {a.holder}
              {a.patents.length > 0 && ` · 专利 ${a.patents.length} 项`}
              {a.ipcClasses.length > 0 && ` · IPC ${a.ipcClasses.join('、')}`}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary" delete>
            （该科技成果已被删除）
          </Typography.Text>
        )}
        <MatchReasonLine match={match} />
        {a && (
          <Space size={[8, 4]} wrap align="start">
            <Typography.Text type="secondary" style={{ lineHeight: '24px' }}>
              跟进：
            </Typography.Text>
            <FollowUpForm needId={needId} achievementId={a.id} followUp={match.followUp} onSaved={onFollowed} />
          </Space>
        )}
        {match.followUp && (
          <Space size={4}>
            <Typography.Text type="secondary">已记录：</Typography.Text>
            <FollowUpText followUp={match.followUp} />
          </Space>
        )}
      </Space>
    </div>
  );
}
