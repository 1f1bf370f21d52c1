import { useState } from 'react';

/**
 * A folder path shown as text with a Copy button: where the window cannot open the file manager (the browser
 * host), or simply to paste the path into an e-mail.
 */
export function CopyPath({ path, testId }: { path: string; testId?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(path);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused (no focus, policy); the path stays selectable by hand.
      setCopied('failed');
    }
  };
  return (
    <span className="copy-path">
      <code className="copy-path__text" data-testid={testId} title={path}>
        {path}
      </code>
      <button type="button" className="button button--small" onClick={() => void copy()} data-testid={testId ? `${testId}-copy` : undefined}>
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      {copied === 'failed' && <span className="muted">Select the path to copy it.</span>}
    </span>
  );
}
