import type { Messages } from './zh-CN';

export const updateEn: Messages['update'] = {
  availableTitle: 'Version {{version}} is available',
  current: 'You have version {{version}}',
  released: 'Released {{at}}',
  notes: 'What is new',
  noNotes: '(no release notes)',
  later: 'Remind me later',
  download: 'Download',
  downloadingTitle: 'Downloading version {{version}}',
  downloadingHint: 'Keep working meanwhile; once it is downloaded and checked you will be asked to restart.',
  hide: 'Download in background',
  readyTitle: 'Version {{version}} is ready',
  readyHint: 'Restarting installs it. Save what you are editing first; a running sync is waited for.',
  install: 'Restart and install',
  notNow: 'Not now',
  failedTitle: 'The update did not finish',
  retry: 'Download again',
  close: 'Close',
  badge: 'Version {{version}} ready to install',
};
