import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseEvent } from '../../../../shared/types/case';

const show = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

/** The audit trail: every move, edit and document change, newest first, with before and after. */
export function AuditTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <div data-testid="audit-trail">
    <Timeline
      items={detail.events.map((e: CaseEvent) => ({
        key: e.seq,
        children: (
          <>
            <Typography.Text strong>{e.summary}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {e.at.slice(0, 19).replace('T', ' ')} UTC · {e.actor}
              {e.reason ? ` · ${t('case.reasonIs', { reason: e.reason })}` : ''}
            </Typography.Text>
            {(e.before != null || e.after != null) && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }} ellipsis={{ rows: 2, expandable: true }}>
                {e.before != null && `${t('case.before')} ${show(e.before)} `}
                {e.after != null && `${t('case.after')} ${show(e.after)}`}
              </Typography.Paragraph>
            )}
          </>
        ),
      }))}
    />
    </div>
  );
}
