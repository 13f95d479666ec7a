import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeEvent } from '../../../../shared/domain/audit-view';
import type { CaseDetail, CaseEvent } from '../../../../shared/types/case';
import { formatDateTime } from '../../../../shared/time';

/** The audit trail: every move, edit and document change, newest first, with what changed. */
export function AuditTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <div data-testid="audit-trail">
      <Timeline
        items={detail.events.map((e: CaseEvent) => {
          const lines = describeEvent(e.action, e.before, e.after);
          return {
            key: e.seq,
            children: (
              <>
                <Typography.Text strong>{e.summary}</Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {formatDateTime(e.at, { seconds: true })} · {e.actor}
                  {e.reason ? ` · ${t('case.reasonIs', { reason: e.reason })}` : ''}
                </Typography.Text>
                {lines.length > 0 && (
                  <ul style={{ margin: '4px 0 0', paddingLeft: 18, fontSize: 12 }}>
                    {lines.map((l) => (
                      <li key={l.field}>
                        <Typography.Text type="secondary">
                          {l.field}：{l.before ? <>{l.before} → </> : null}
                          {l.after || t('case.cleared')}
                        </Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ),
          };
        })}
      />
    </div>
  );
}
