import { Checkbox, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckLine } from '../../../../shared/domain/check-lines';
import type { CaseDetail } from '../../../../shared/types/case';
import { api } from '../../api';
import { LEVEL_COLORS } from './labels';
import { useCasesStore } from './store';

/**
 * Check lines with their level; lines the steward can settle carry a checkbox that records
 * the confirmation on the case (kept in the audit trail like any edit).
 */
export function CheckList({ detail, lines, testId }: { detail: CaseDetail; lines: CheckLine[]; testId: string }) {
  const { t } = useTranslation();
  const act = useCasesStore((s) => s.act);
  const closed = detail.record.stage === 'closed';
  const confirm = (key: string, value: boolean) => act(() => api().caseUpdate({ id: detail.record.id, confirmations: { [key]: value } }));
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={lines}
      renderItem={(l) => (
        <List.Item
          actions={
            l.confirmKey
              ? [
                  <Checkbox key="c" checked={l.confirmed} disabled={closed} onChange={(e) => void confirm(l.confirmKey!, e.target.checked)}>
                    {l.level === 'risk' ? t('case.acceptRisk') : t('case.confirmed')}
                  </Checkbox>,
                ]
              : undefined
          }
        >
          <Space align="start">
            <Tag color={l.confirmKey && l.confirmed ? 'green' : LEVEL_COLORS[l.level]} style={{ minWidth: 56, textAlign: 'center' }}>
              {l.confirmKey && l.confirmed ? t('case.level.confirmed') : t(`case.level.${l.level}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ minWidth: 120, display: 'inline-block' }}>
              {l.subject}
            </Typography.Text>
            <Typography.Text>{l.message}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
