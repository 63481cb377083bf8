/** The submit button at the foot of an order form: disabled and busy while it is sent. */
import './orderForms.css';

export function SubmitRow({
  label,
  disabled,
  pending,
}: {
  label: string;
  /** Nothing to send yet (the pending state disables it too). */
  disabled: boolean;
  pending: boolean;
}) {
  return (
    <div className="production-modal__foot order-form-submit">
      <button
        type="submit"
        className="ts-button"
        disabled={disabled || pending}
        aria-busy={pending}
      >
        {label}
      </button>
    </div>
  );
}
