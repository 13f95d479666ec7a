import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Radio, Result, Select, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportReportView } from '../../../../shared/types/jobs';
import { IMPORT_KINDS, type ImportKind } from '../../../../shared/contract';
import { api } from '../../api';
import { fileToBase64 } from '../../lib/files';
import { useJob } from '../../lib/useJob';
import { useEnterprisesStore } from './store';

type Kind = ImportKind;
const MAX_BYTES = 37 * 1024 * 1024;

function ReportView({ report }: { report: ImportReportView }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space size="large">
        <Statistic title={t('ent.imp.created')} value={report.created} />
        <Statistic title={t('ent.imp.updated')} value={report.updated} />
        <Statistic title={t('ent.imp.unchanged')} value={report.unchanged} />
        <Statistic title={t('ent.imp.rejected')} value={report.rejected} valueStyle={report.rejected ? { color: '#cf1322' } : undefined} />
      </Space>
      {report.errors.length === 0 ? (
        <Alert type="success" showIcon title={t('ent.imp.allGood')} />
      ) : (
        <Table
          data-testid="import-errors"
          size="small"
          rowKey={(e) => `${e.row}-${e.column}`}
          title={() => t('ent.imp.errors')}
          dataSource={report.errors}
          pagination={{ pageSize: 50, size: 'small' }}
          columns={[
            { title: t('ent.imp.row'), dataIndex: 'row', width: 80 },
            { title: t('ent.imp.column'), dataIndex: 'column', width: 200 },
            { title: t('ent.imp.reason'), dataIndex: 'reason' },
          ]}
        />
      )}
    </Space>
  );
}

/** Choose a file → map its columns → check every row without writing → import with progress and cancel. */
export function ImportWizard() {
  const { t } = useTranslation();
  const changed = useEnterprisesStore((s) => s.changed);
  const [kind, setKind] = useState<Kind>('enterprises');
  const [file, setFile] = useState<{ name: string; uploadId: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [dry, setDry] = useState<ImportReportView | null>(null);
  const [final, setFinal] = useState<ImportReportView | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const job = useJob<ImportPreview | ImportReportView>();
  const step = final ? 3 : dry ? 2 : preview ? 1 : 0;

  const reset = () => {
    setFile(null);
    setPreview(null);
    setDry(null);
    setFinal(null);
    setFileError(null);
    job.reset();
  };
  const start = (
    mode: 'preview' | 'dry-run' | 'commit',
    f = file,
    m: Record<string, number | null> | undefined = preview ? mapping : undefined,
  ) => job.run(() => api().importStart({ kind, uploadId: f!.uploadId, mode, ...(m ? { mapping: m } : {}) }));

  const choose = async (picked: File) => {
    reset();
    if (picked.size > MAX_BYTES) return setFileError(t('ent.imp.tooBig'));
    let f: { name: string; uploadId: string };
    try {
      f = {
        name: picked.name,
        uploadId: (await api().importUpload({ fileName: picked.name, fileBase64: await fileToBase64(picked) })).uploadId,
      };
    } catch (err) {
      return setFileError(err instanceof Error ? err.message : String(err));
    }
    setFile(f);
    const p = (await start('preview', f, undefined)) as ImportPreview | null;
    if (p) {
      setPreview(p);
      setMapping(p.mapping);
    }
  };

  const running = job.running && (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Progress percent={job.percent} status="active" aria-label="import-progress" />
      <Space>
        <Typography.Text type="secondary">
          {t('ent.imp.progress', { done: job.job?.done ?? 0, total: job.job?.total ?? 0 })}
        </Typography.Text>
        <Button onClick={() => void job.cancel()}>{t('ent.imp.cancelJob')}</Button>
      </Space>
    </Space>
  );

  return (
    <Card>
      <Steps
        current={step}
        items={(t('ent.imp.steps', { returnObjects: true }) as unknown as string[]).map((title) => ({ title }))}
        style={{ marginBottom: 24 }}
      />
      {(fileError || job.error) && <Alert type="error" showIcon title={fileError ?? job.error} style={{ marginBottom: 16 }} />}
      {step === 0 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            {t('ent.imp.kind')}
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              optionType="button"
              options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`ent.imp.kinds.${k}`) }))}
            />
          </Space>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={job.running}
            beforeUpload={(f) => (void choose(f), false)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('ent.imp.choose')}</p>
            <p className="ant-upload-hint">{t('ent.imp.hint')}</p>
          </Upload.Dragger>
          {running}
        </Space>
      )}
      {step === 1 && preview && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>
            {t('ent.imp.fileInfo', { file: file?.name, rows: preview.rowCount, encoding: preview.encoding.toUpperCase() })}
          </Typography.Text>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={preview.fields}
            columns={[
              {
                title: t('ent.imp.field'),
                dataIndex: 'label',
                width: 220,
                render: (label: string, f) => (f.required ? <Typography.Text strong>{label} *</Typography.Text> : label),
              },
              {
                title: t('ent.imp.column'),
                render: (_: unknown, f) => (
                  <Select
                    aria-label={f.label}
                    style={{ width: 260 }}
                    value={mapping[f.key] ?? -1}
                    onChange={(v: number) => setMapping({ ...mapping, [f.key]: v < 0 ? null : v })}
                    options={[
                      { value: -1, label: t('ent.imp.unmapped') },
                      ...preview.headers.map((h, i) => ({ value: i, label: h || `#${i + 1}` })),
                    ]}
                  />
                ),
              },
              {
                title: t('ent.imp.sample'),
                render: (_: unknown, f) => (
                  <Typography.Text type="secondary">
                    {mapping[f.key] === null || mapping[f.key] === undefined
                      ? ''
                      : preview.sample
                          .slice(0, 3)
                          .map((r) => r[mapping[f.key]!] ?? '')
                          .join(' · ')}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Typography.Text type="secondary">{t('ent.imp.dryRunHint')}</Typography.Text>
          <Space>
            <Button onClick={reset}>{t('ent.imp.back')}</Button>
            <Button
              type="primary"
              disabled={job.running}
              onClick={() => void start('dry-run').then((r) => r && setDry(r as ImportReportView))}
            >
              {t('ent.imp.dryRun')}
            </Button>
          </Space>
          {running}
        </Space>
      )}
      {step === 2 && dry && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Title level={5}>{t('ent.imp.dryTitle')}</Typography.Title>
          <ReportView report={dry} />
          <Space>
            <Button onClick={() => setDry(null)}>{t('ent.imp.back')}</Button>
            <Button
              type="primary"
              disabled={job.running || dry.created + dry.updated === 0}
              onClick={() => void start('commit').then((r) => r && (setFinal(r as ImportReportView), changed()))}
            >
              {t('ent.imp.commit')}
            </Button>
          </Space>
          {running}
          {job.job?.state === 'cancelled' && <Alert type="warning" showIcon title={t('ent.imp.cancelled')} />}
        </Space>
      )}
      {step === 3 && final && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Result
            status={final.rejected ? 'warning' : 'success'}
            title={t('ent.imp.resultTitle')}
            extra={
              <Button type="primary" onClick={reset}>
                {t('ent.imp.again')}
              </Button>
            }
          />
          <ReportView report={final} />
        </Space>
      )}
    </Card>
  );
}
