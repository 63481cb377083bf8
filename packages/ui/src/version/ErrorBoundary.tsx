/**
 * Catches a crash of the app and shows "Ukendt fejl" with the technical details (legacy §1.6).
 * `onError` reports the crash (the app sends it to the server once the api offers a place).
 */
import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import { Translation } from 'react-i18next';

export interface ErrorBoundaryProps {
  children: ReactNode;
  onError?: (error: Error, info: ErrorInfo) => void;
}

interface ErrorBoundaryState {
  error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) {
      return this.props.children;
    }
    return (
      <Translation>
        {(t) => (
          <main className="ts-page ts-system-page">
            <h1>{t('error.unknownTitle')}</h1>
            <p>{t('error.unknownText')}</p>
            <details>
              <summary>{t('error.technical')}</summary>
              <pre>{error.message}</pre>
            </details>
          </main>
        )}
      </Translation>
    );
  }
}
