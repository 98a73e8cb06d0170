import type { ComponentChildren } from 'preact';

interface NoticeProps {
  tone: 'info' | 'neutral' | 'error' | 'warning';
  title: string;
  body?: string;
  testId?: string;
  children?: ComponentChildren;
}

/** A friendly full-width message for states without a report (loading, cannot audit, errors). */
export function Notice({ tone, title, body, testId, children }: NoticeProps) {
  return (
    <section class={`notice notice-${tone}`} data-testid={testId} role={tone === 'error' ? 'alert' : 'status'}>
      <h2>{title}</h2>
      {body !== undefined && <p>{body}</p>}
      {children}
    </section>
  );
}
