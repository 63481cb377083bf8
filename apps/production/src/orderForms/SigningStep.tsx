/**
 * The signed step of an order modal (release, correction): an optional hint above
 * (e.g. "not the delivery day") and the signature with the user's own password, and the
 * signer's reason when the step asks for one (a correction always does: core
 * `changeNeedsReason`). "Tilbage"
 * and a successful signature both end the step; a refusal stays, with its message.
 */
import { AlertBox, SignaturePanel } from '@tracershop/ui';

export interface SigningStepProps {
  title: string;
  submitLabel: string;
  /** The logged-in user's user name: shown, not editable. */
  username: string;
  hint?: string | null;
  /** When set, why a reason is asked; the reason field must then be filled. */
  reasonNeeded?: string | null;
  /** `reason` is the signer's reason when `reasonNeeded` asked for one. */
  onSign(password: string, reason: string | undefined): Promise<unknown>;
  /** Back to the modal's own state (after "Tilbage" or a signature). */
  onDone(): void;
}

export function SigningStep({
  title,
  submitLabel,
  username,
  hint = null,
  reasonNeeded = null,
  onSign,
  onDone,
}: SigningStepProps) {
  return (
    <>
      {hint === null ? null : <AlertBox level="hint">{hint}</AlertBox>}
      <SignaturePanel
        title={title}
        submitLabel={submitLabel}
        signer={username}
        reasonNeeded={reasonNeeded}
        onCancel={onDone}
        onSubmit={async ({ password, reason }) => {
          await onSign(password, reason);
          onDone();
        }}
      />
    </>
  );
}
