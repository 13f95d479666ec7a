import { Card, Tabs } from 'antd';
import { useState } from 'react';
import type { AchievementRow, NeedRow } from '../../../../shared/types/tech';
import { AchievementsPanel } from './AchievementsPanel';
import { NeedsPanel } from './NeedsPanel';

/**
 * 技术对接: enterprises' technology needs and universities' research achievements, each
 * matched to the other side with the reasons (shared terms, IPC overlap), and the steward's
 * follow-up of each pairing. Excel import is the enterprises page's wizard (linked from here).
 */
export function TechPage() {
  const [tab, setTab] = useState<'needs' | 'achievements'>('needs');
  const [need, setNeed] = useState<NeedRow | null>(null);
  const [achievement, setAchievement] = useState<AchievementRow | null>(null);
  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as typeof tab)}
        items={[
          {
            key: 'needs',
            label: '技术需求',
            children: <NeedsPanel selected={need} onSelect={setNeed} onOpenAchievements={() => setTab('achievements')} />,
          },
          {
            key: 'achievements',
            label: '科技成果',
            children: (
              <AchievementsPanel selected={achievement} onSelect={setAchievement} onOpenNeed={(n) => (setNeed(n), setTab('needs'))} />
            ),
          },
        ]}
      />
    </Card>
  );
}
