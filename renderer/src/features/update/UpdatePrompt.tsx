import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/time';
import { hasUnsavedForms, trackUnsavedForms } from '../../lib/unsaved';
import { useSyncStore } from '../sync/store';
import { startUpdatePolling, useUpdateStore } from './store';

/**
 * The prompt for a newer version: its notes, then the download with progress, then the
 * restart. It does not open over a running sync or a form with unsaved changes (it waits for
 * the next poll), and 稍后 puts a version off until the app starts again.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const { view, notice, download, install, open, setOpen } = useUpdateStore();
  const syncing = useSyncStore((s) => s.status?.state === 'syncing');
  const [putOff, setPutOff] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    trackUnsavedForms();
    return startUpdatePolling();
  }, []);
  const key = view ? `${view.phase}:${view.version}` : '';
  const offers = view?.phase === 'available' || view?.phase === 'ready';
  useEffect(() => {
    if (!open && offers && !putOff.has(key) && !syncing && !hasUnsavedForms()) setOpen(true);
    // `view` is a new object at every poll: a prompt put off by unsaved input is tried again then.
  }, [open, offers, key, putOff, syncing, setOpen, view]);
  if (!view || !open) return null;

  const later = () => {
    setPutOff(new Set([...putOff, key]));
    setOpen(false);
  };
  const version = view.version ?? '';
  const notes = (
    <>
      <Typography.Text type="secondary">
        {t('update.current', { version: view.currentVersion })}
        {view.releaseDate ? ` · ${t('update.released', { at: formatDateTime(view.releaseDate) })}` : ''}
      </Typography.Text>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('update.notes')}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflowY: 'auto' }} aria-label="release-notes">
        {view.notes || t('update.noNotes')}
      </Typography.Paragraph>
    </>
  );
  const shown = {
    available: {
      title: t('update.availableTitle', { version }),
      body: notes,
      footer: [
        <Button key="later" onClick={later}>
          {t('update.later')}
        </Button>,
        <Button key="go" type="primary" onClick={() => void download()}>
          {t('update.download')}
        </Button>,
      ],
    },
    downloading: {
      title: t('update.downloadingTitle', { version }),
      body: (
        <>
          <Progress percent={view.percent ?? 0} aria-label="update-progress" />
          <Typography.Text type="secondary">{t('update.downloadingHint')}</Typography.Text>
        </>
      ),
      footer: [
        <Button key="hide" onClick={() => setOpen(false)}>
          {t('update.hide')}
        </Button>,
      ],
    },
    ready: {
      title: t('update.readyTitle', { version }),
      body: (
        <>
          <Typography.Paragraph>{t('update.readyHint')}</Typography.Paragraph>
          {notes}
        </>
      ),
      footer: [
        <Button key="later" onClick={later}>
          {t('update.notNow')}
        </Button>,
        <Button key="go" type="primary" onClick={() => void install()}>
          {t('update.install')}
        </Button>,
      ],
    },
    error: {
      title: t('update.failedTitle'),
      body: null,
      footer: [
        <Button key="close" onClick={() => setOpen(false)}>
          {t('update.close')}
        </Button>,
        ...(view.version
          ? [
              <Button key="retry" type="primary" onClick={() => void download()}>
                {t('update.retry')}
              </Button>,
            ]
          : []),
      ],
    },
  }[view.phase as 'available' | 'downloading' | 'ready' | 'error'];
  if (!shown) return null;
  return (
    <Modal
      open
      title={shown.title}
      footer={shown.footer}
      onCancel={view.phase === 'downloading' ? () => setOpen(false) : later}
      width={560}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(notice || view.phase === 'error') && (
          <Alert type={view.phase === 'error' ? 'error' : 'warning'} showIcon title={notice ?? view.message} aria-label="update-notice" />
        )}
        {shown.body}
      </Space>
    </Modal>
  );
}

/** In the header once a version is downloaded: opens the prompt again (after 下次再装). */
export function UpdateBadge() {
  const { t } = useTranslation();
  const ready = useUpdateStore((s) => s.view?.phase === 'ready');
  const version = useUpdateStore((s) => s.view?.version);
  const setOpen = useUpdateStore((s) => s.setOpen);
  if (!ready) return null;
  return (
    <Button size="small" type="link" icon={<CloudDownloadOutlined />} onClick={() => setOpen(true)} aria-label="update-ready">
      {t('update.badge', { version })}
    </Button>
  );
}
