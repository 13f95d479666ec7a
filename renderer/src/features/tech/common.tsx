import { Button, Space, Tag, Typography, message } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSyncStore } from '../sync/store';
import { MATCH_STATUS_LABELS, type MatchStatus } from '../../../../shared/schemas/tech';
import type { FollowUpView, MatchReason } from '../../../../shared/types/tech';
import { navigate } from '../../app/useHashRoute';
import { useEnterprisesStore } from '../enterprises/store';

/** What the import wizard calls each kind (its 导入内容 choice), and the columns it needs. */
const IMPORT_HINTS = {
  achievements: { label: '科技成果', columns: '成果名称、持有单位' },
  needs: { label: '技术需求', columns: '统一社会信用代码、需求名称' },
} as const;

/** Excel import is the enterprises page's wizard: open it on its 导入 tab and say which kind to choose. */
export function openImport(kind: keyof typeof IMPORT_HINTS): void {
  const hint = IMPORT_HINTS[kind];
  useEnterprisesStore.getState().set({ tab: 'import' });
  navigate('whitelist');
  void message.info({ content: `在“导入内容”中选择“${hint.label}”，再上传 Excel 文件（须有${hint.columns}两列）`, duration: 8 });
}

export function ImportButton({ kind, type }: { kind: keyof typeof IMPORT_HINTS; type?: 'link' | 'default' }) {
  return (
    <Button type={type} onClick={() => openImport(kind)}>
      从 Excel 导入{IMPORT_HINTS[kind].label}
    </Button>
  );
}

export const STATUS_COLORS: Record<MatchStatus, string> = {
  introduced: 'blue',
  negotiating: 'orange',
  agreed: 'green',
  dropped: 'default',
};

/** Why a pairing ranks where it does: the shared terms as tags and the IPC overlap. */
export function MatchReasonLine({ match }: { match: MatchReason }) {
  const none = match.sharedTerms.length === 0 && !match.ipc;
  return (
    <Space size={[4, 4]} wrap data-testid="match-reason" title={match.reason}>
      <Typography.Text type="secondary">匹配理由：</Typography.Text>
      {match.sharedTerms.length > 0 && <Typography.Text type="secondary">共同关键词</Typography.Text>}
      {match.sharedTerms.map((t) => (
        <Tag key={t} color="processing" style={{ marginInlineEnd: 0 }}>
          {t}
        </Tag>
      ))}
      {match.ipc && (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          IPC 同属{match.ipc.level === 'group' ? '大组' : '小类'} {match.ipc.code}
        </Tag>
      )}
      {none && <Typography.Text type="secondary">{match.reason || '用词相近'}</Typography.Text>}
    </Space>
  );
}

/** A pairing's follow-up as it stands (read-only). */
export function FollowUpText({ followUp }: { followUp: FollowUpView | null }) {
  if (!followUp) return <Typography.Text type="secondary">尚未跟进</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[followUp.status]} style={{ marginInlineEnd: 0 }}>
        {MATCH_STATUS_LABELS[followUp.status]}
      </Tag>
      <Typography.Text type="secondary">
        {followUp.followedOn}
        {followUp.updatedBy ? ` · ${followUp.updatedBy}` : ''}
        {followUp.note ? `：${followUp.note}` : ''}
      </Typography.Text>
    </Space>
  );
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A match's place in the ranking; the first three stand out. */
export function RankBadge({ rank }: { rank: number }) {
  return (
    <div
      aria-label={`第 ${rank} 名`}
      data-testid="match-rank"
      style={{
        flex: '0 0 28px',
        height: 28,
        borderRadius: 14,
        background: rank <= 3 ? '#1677ff' : '#f0f0f0',
        color: rank <= 3 ? '#fff' : '#595959',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontWeight: 600,
      }}
    >
      {rank}
    </div>
  );
}

/** IPC classes for a narrow column: a code never breaks inside (H01L 29/78), only between codes. */
export const ipcText = (codes: readonly string[]) => codes.map((c) => c.replace(/ /g, '\u00a0')).join('、') || '—';

/**
 * The ranked matches of the selected record: loaded again when it or the synced data changes,
 * with whether the other side has no records at all (nothing to find, rather than nothing close),
 * and brought into view once when a newly selected record's list is in.
 */
export function useRankedMatches<T>(id: string, stamp: string, load: () => Promise<T[]>, otherSideEmpty: () => Promise<boolean>) {
  const [matches, setMatches] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [none, setNone] = useState(false);
  const synced = useSyncStore((s) => s.status?.dataVersion);
  const ref = useRef<HTMLDivElement>(null);
  const calls = useRef({ load, otherSideEmpty });
  calls.current = { load, otherSideEmpty };
  useEffect(() => {
    let live = true;
    setMatches(null);
    setError(null);
    calls.current
      .load()
      .then(async (m) => {
        const empty = m.length === 0 && (await calls.current.otherSideEmpty());
        if (!live) return;
        setMatches(m);
        setNone(empty);
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [id, stamp, synced]);
  const shownFor = useRef<string | null>(null);
  const loaded = matches !== null || error !== null;
  useEffect(() => {
    if (!loaded || shownFor.current === id) return;
    shownFor.current = id;
    // Not returned: scrollIntoView gives a promise in recent Chromium, and an effect may return only its cleanup.
    void ref.current?.scrollIntoView({ block: 'start' });
  }, [loaded, id]);
  return { matches, setMatches, error, none, ref };
}
