import { Button, Modal, Table, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../api';
import { fileToBase64 } from '../../lib/files';

/** Imports a list of legal-status changes; shows how many were recorded and each refused row with its reason. */
export function ImportEventsButton({ onDone }: { onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OutputOf<'ipEventsImport'> | null>(null);
  const pick = async (file: File) => {
    setBusy(true);
    try {
      const r = await api().ipEventsImport({ fileName: file.name, fileBase64: await fileToBase64(file) });
      setResult(r);
      onDone();
    } catch (e) {
      void message.error({ content: e instanceof Error ? e.message : String(e), duration: 6 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void pick(file);
          return false;
        }}
      >
        <Button loading={busy}>导入法律状态变更</Button>
      </Upload>
      <Modal open={result !== null} title="法律状态变更导入结果" footer={null} onCancel={() => setResult(null)}>
        {result && (
          <>
            <Typography.Paragraph>
              已记录 {result.imported} 条事件{result.rejected.length ? `，${result.rejected.length} 行未导入：` : '。'}
            </Typography.Paragraph>
            {result.rejected.length > 0 && (
              <Table
                size="small"
                rowKey="row"
                pagination={result.rejected.length > 10 ? { pageSize: 10 } : false}
                dataSource={result.rejected}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
