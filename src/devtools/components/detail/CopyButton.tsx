import { useSignal } from '@preact/signals';
import { copyText } from '../../clipboard';

/** A button that copies `text` and says so for a moment. */
export function CopyButton({ label, text }: { label: string; text: () => string }) {
  const status = useSignal<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async (): Promise<void> => {
    status.value = (await copyText(text())) ? 'copied' : 'failed';
    setTimeout(() => (status.value = 'idle'), 1500);
  };
  return (
    <button type="button" class="copy" onClick={onClick}>
      {label}
      <span role="status" class="copy-status">
        {status.value === 'copied' ? ' ✓ copied' : status.value === 'failed' ? ' (copy failed)' : ''}
      </span>
    </button>
  );
}
