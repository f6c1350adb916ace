// One part of a page that throws while rendering shows a small notice in its place; the rest of the
// page keeps working (CONVENTIONS: per-feature error isolation). "Show it again" renders it afresh.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Translate } from '@/lib/i18n';

interface Props {
  /** Names the part in the log and in data-failed-section (tests find it there). */
  name: string;
  t: Translate;
  children: ReactNode;
}

export class SectionBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Regulars: the ${this.props.name} section failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { failed } = this.state;
    if (!failed) return this.props.children;
    const { t, name } = this.props;
    return (
      <div className="section-failed" role="alert" data-failed-section={name}>
        <p>{t('section.failed')}</p>
        <button type="button" onClick={() => this.setState({ failed: false })}>
          {t('section.retry')}
        </button>
      </div>
    );
  }
}
