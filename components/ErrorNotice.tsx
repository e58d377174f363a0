/** One failure, in plain words, with the action that fixes it. Cached rows stay below it. */
import type { ErrorAction, ErrorText } from './errorText';

export interface ErrorNoticeProps {
  text: ErrorText;
  onAction: (action: ErrorAction) => void;
  busy?: boolean;
}

export function ErrorNotice({ text, onAction, busy }: ErrorNoticeProps) {
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-message">{text.message}</p>
      {text.detail && <p>{text.detail}</p>}
      {text.action && text.actionLabel && (
        <button type="button" class="button" disabled={busy} onClick={() => onAction(text.action!)}>
          {text.actionLabel}
        </button>
      )}
    </div>
  );
}
