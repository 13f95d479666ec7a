import { Button, message, Progress, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { District } from '../../../../shared/domain/districts';
import type { Period } from '../../../../shared/domain/periods';
import { api } from '../../api';
import { downloadBase64 } from '../../lib/files';
import { useJob } from '../../lib/useJob';

type Result = { fileName: string; base64?: string; html?: string };

/** The report of the period shown: monthly for a month, annual for a year; one district or the whole city. */
export function ReportButtons({ period, districts, narrowed }: { period: Period; districts: District[]; narrowed: boolean }) {
  const job = useJob<Result>();
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<string | null>(null);
  const kind = period.mode === 'month' ? 'monthly' : period.mode === 'year' ? 'annual' : null;
  // The report's figures are the screen's only for the same filter: refused, with the reason, otherwise.
  const why = !kind
    ? '报告按月或按年生成：请选择“月”或“年”'
    : districts.length > 1
      ? '报告针对一个区或全市：请只选一个区或不选'
      : narrowed
        ? '报告统计全部银行和管家：请先清除银行、管家筛选'
        : null;
  const start = async (format: 'pdf' | 'xlsx') => {
    if (!kind) return;
    const label = kind === 'monthly' ? `${period.year}-${String(period.part).padStart(2, '0')}` : String(period.year);
    let id = '';
    const r = await job.run(async () => {
      const started = await api().reportStart({ kind, period: label, district: districts[0], format });
      id = started.id;
      return started;
    });
    // A failure is shown below the buttons (job.error, read when rendering).
    if (!r) return;
    if (r.base64) return void (downloadBase64(r.fileName, r.base64), message.success(`已导出 ${r.fileName}`));
    setPrinting(true);
    setPrintError(null);
    try {
      const pdf = await api().reportPrint({ id });
      downloadBase64(pdf.fileName, pdf.base64);
      void message.success(`已导出 ${pdf.fileName}`);
    } catch (err) {
      setPrintError((err as Error).message);
    } finally {
      setPrinting(false);
    }
  };
  const busy = job.running || printing;
  const title = kind === 'monthly' ? '月报' : '年报';
  return (
    <Tooltip title={why}>
      <Space>
        <Button disabled={!!why || busy} onClick={() => void start('pdf')}>
          导出{kind ? title : '报告'} PDF
        </Button>
        <Button disabled={!!why || busy} onClick={() => void start('xlsx')}>
          导出{kind ? title : '报告'} Excel
        </Button>
        {busy && (
          <>
            <Progress type="circle" size={24} percent={printing ? 90 : job.percent} aria-label="正在生成报告" />
            {job.running && (
              <Button size="small" onClick={() => void job.cancel()}>
                取消
              </Button>
            )}
          </>
        )}
        {(job.error ?? printError) && <Typography.Text type="danger">{job.error ?? printError}</Typography.Text>}
      </Space>
    </Tooltip>
  );
}
