import { Button, Result, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { api } from '../api';
import { i18n } from '../i18n';

interface State {
  failed: boolean;
  logFile: string | null;
}

/** Turns a render error into a calm message with the log's location, never a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false, logFile: null };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    void reportError(error.message, `${error.stack ?? ''}\n${info.componentStack ?? ''}`).then((logFile) => this.setState({ logFile }));
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const t = i18n.t.bind(i18n);
    return (
      <Result
        status="warning"
        title={t('crash.title')}
        subTitle={t('crash.body')}
        extra={[
          this.state.logFile && (
            <Typography.Paragraph key="log" copyable={{ text: this.state.logFile }}>
              {t('crash.log')}：{this.state.logFile}
            </Typography.Paragraph>
          ),
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </Button>,
        ]}
      />
    );
  }
}

/** Sends a renderer error to the main process log; returns where it was written. */
export async function reportError(message: string, stack?: string): Promise<string | null> {
  try {
    const r = await api().reportRendererError({ message: message.slice(0, 4000), stack: stack?.slice(0, 20000) });
    return r.logFile;
  } catch {
    return null;
  }
}
