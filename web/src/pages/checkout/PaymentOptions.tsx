import { CheckboxField } from '../../components/Field';

interface PaymentOptionsProps {
  loyaltyPoints: number;
  redeemPoints: boolean;
  onRedeemPoints: (redeem: boolean) => void;
  error?: string;
}

/** Cash on delivery is the only way to pay for now; loyalty points come off the bill at ₹1 each. */
export function PaymentOptions({ loyaltyPoints, redeemPoints, onRedeemPoints, error }: PaymentOptionsProps) {
  return (
    <fieldset className="choice-group">
      <legend className="section-title">Payment</legend>
      <label className="option-card option-card--selected option-card--inline">
        <input
          type="radio"
          name="paymentMethod"
          value="CashOnDelivery"
          checked
          readOnly
          className="option-card__radio"
        />
        <span className="option-card__body">
          <span className="option-card__title">Cash on delivery</span>
          <span className="option-card__text">Pay when your order arrives.</span>
        </span>
      </label>
      {loyaltyPoints > 0 && (
        <div className="points">
          <CheckboxField
            label={`Use my ${loyaltyPoints.toLocaleString('en-IN')} loyalty points`}
            name="redeemPoints"
            checked={redeemPoints}
            onChecked={onRedeemPoints}
            data-testid="redeem-points"
          />
          <p className="field__hint">Each point takes ₹1 off, never more than your items total.</p>
        </div>
      )}
      {error && (
        <p className="field__error" data-testid="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
