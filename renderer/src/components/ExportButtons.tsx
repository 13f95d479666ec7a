import { Button, message, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import type { ExportResult } from '../../../shared/types/jobs';
import { api } from '../api';
import { downloadBase64 } from '../lib/files';
import { useJob } from '../lib/useJob';

type ExportInput = InputOf<'exportStart'>;
/** One export request without its format (the two buttons choose it). */
type Request = ExportInput extends infer R ? (R extends ExportInput ? Omit<R, 'format'> : never) : never;

/** Exports exactly the filtered list (every page), as .xlsx with Chinese headers or .csv. */
export function ExportButtons({ request }: { request: Request }) {
  const { t } = useTranslation();
  const job = useJob<ExportResult>();
  const start = async (format: 'xlsx' | 'csv') => {
    const result = await job.run(() => api().exportStart({ ...request, format } as ExportInput));
    if (result) {
      downloadBase64(result.fileName, result.base64);
      void message.success(t('ent.exported', { rows: result.rows, file: result.fileName }));
    }
    // A failure is shown beside the buttons (job.error, read when rendering: after the await this render's value is stale).
  };
  return (
    <Space>
      <Button onClick={() => void start('xlsx')} disabled={job.running}>
        {t('ent.exportXlsx')}
      </Button>
      <Button onClick={() => void start('csv')} disabled={job.running}>
        {t('ent.exportCsv')}
      </Button>
      {job.running && <Progress type="circle" size={24} percent={job.percent} aria-label={t('ent.exporting')} />}
      {job.error && (
        <Typography.Text type="danger" role="alert">
          {job.error}
        </Typography.Text>
      )}
    </Space>
  );
}
