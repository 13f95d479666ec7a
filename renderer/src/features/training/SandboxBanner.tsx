import { Button, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useAppStore } from '../../app/store';
import { switchMode } from './mode';

const TITLE = '知融工作台';

/**
 * Unmistakable while 培训模式 is on: a coloured band over every page, and 培训模式 in the window
 * title (Electron's window takes the page's title).
 */
export function SandboxBanner() {
  const sandbox = useAppStore((s) => s.info?.sandbox ?? false);
  useEffect(() => {
    document.title = sandbox ? `${TITLE} · 培训模式` : TITLE;
  }, [sandbox]);
  if (!sandbox) return null;
  return (
    <div
      role="status"
      data-testid="sandbox-banner"
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 100,
        background: 'repeating-linear-gradient(135deg, #fa8c16, #fa8c16 18px, #f5a623 18px, #f5a623 36px)',
        color: '#fff',
        padding: '6px 24px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
      }}
    >
      <Typography.Text strong style={{ color: '#fff' }}>
        培训模式 · 沙盒数据：这里的操作不会同步到中心服务，也不会改动正式数据
      </Typography.Text>
      <Space>
        <Button size="small" onClick={() => void switchMode('leave')}>
          退出培训模式
        </Button>
      </Space>
    </div>
  );
}
