import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/settings';

const LABELS = {
  'zh-CN': {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    fullscreen: '全屏',
    language: '语言',
    help: '帮助',
    about: '关于知融工作台',
    training: '培训',
    enterSandbox: '进入培训模式（沙盒）',
    leaveSandbox: '退出培训模式',
    openLogs: '打开日志文件夹',
  },
  'en-US': {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullscreen: 'Toggle Full Screen',
    language: 'Language',
    help: 'Help',
    about: 'About IPF Desk',
    training: 'Training',
    enterSandbox: 'Enter Training Mode (Sandbox)',
    leaveSandbox: 'Leave Training Mode',
    openLogs: 'Open Log Folder',
  },
} as const;

export interface MenuActions {
  setLanguage(language: Language): void;
  showAbout(): void;
  openLogFolder(): void;
  /** Into 培训模式's sandbox, or back to the working data. */
  toggleSandbox(): void;
}

/** The application menu, in the user's language; roles keep native shortcuts working. */
export function buildMenuTemplate(language: Language, actions: MenuActions, sandbox = false): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  return [
    { label: t.file, submenu: [{ label: t.quit, role: 'quit' }] },
    {
      label: t.edit,
      submenu: [
        { label: t.undo, role: 'undo' },
        { label: t.redo, role: 'redo' },
        { type: 'separator' },
        { label: t.cut, role: 'cut' },
        { label: t.copy, role: 'copy' },
        { label: t.paste, role: 'paste' },
        { label: t.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.reload, role: 'reload' },
        { type: 'separator' },
        { label: t.resetZoom, role: 'resetZoom' },
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: t.fullscreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: t.language,
      submenu: [
        { label: '中文', type: 'radio', checked: language === 'zh-CN', click: () => actions.setLanguage('zh-CN') },
        { label: 'English', type: 'radio', checked: language === 'en-US', click: () => actions.setLanguage('en-US') },
      ],
    },
    {
      label: t.training,
      submenu: [{ label: sandbox ? t.leaveSandbox : t.enterSandbox, click: () => actions.toggleSandbox() }],
    },
    {
      label: t.help,
      submenu: [
        { label: t.about, click: () => actions.showAbout() },
        { label: t.openLogs, click: () => actions.openLogFolder() },
      ],
    },
  ];
}
