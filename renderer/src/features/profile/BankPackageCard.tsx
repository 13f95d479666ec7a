import { Button, Card, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { navigate } from '../../app/useHashRoute';
import { downloadBase64 } from '../../lib/files';

/** From a case: the enterprise's profile and self-check, and the bank package as PDF or .zip. */
export function BankPackageCard({ caseId, enterpriseId }: { caseId: string; enterpriseId: string }) {
  const [busy, setBusy] = useState<'pdf' | 'zip' | null>(null);
  const make = async (format: 'pdf' | 'zip') => {
    setBusy(format);
    try {
      const r = await api().bankPackage({ caseId, format });
      downloadBase64(r.fileName, r.base64);
      void message.success(`已生成 ${r.fileName}`);
    } catch (err) {
      void message.error({ content: err instanceof Error ? err.message : String(err), duration: 6 });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title="企业画像与融资申请材料包" data-testid="bank-package">
      <Space wrap>
        <Typography.Text type="secondary">
          企业画像、资质自评、融资需求、拟质押知识产权及能否出质、估值与材料清单，一次导出给银行。
        </Typography.Text>
        <Button onClick={() => navigate(`whitelist/profile/${enterpriseId}`)}>查看企业画像</Button>
        <Button loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void make('pdf')}>
          导出材料包（PDF）
        </Button>
        <Button type="primary" loading={busy === 'zip'} disabled={busy !== null} onClick={() => void make('zip')}>
          导出材料包（ZIP，含 Excel 清单）
        </Button>
      </Space>
    </Card>
  );
}
