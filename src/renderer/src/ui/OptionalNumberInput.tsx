import { NumberInput, type NumberInputProps } from '@mantine/core';

interface OptionalNumberInputProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** The typed text; '' means not known. */
  value: string;
  onChange(value: string): void;
}

/**
 * A number field where empty means "not known" rather than 0. The value travels as text so the
 * form can tell an empty field from a zero; `parseOptionalNumber` (optional-number.ts) turns it back into a number.
 */
export function OptionalNumberInput({ value, onChange, ...props }: OptionalNumberInputProps) {
  return (
    <NumberInput
      {...props}
      value={value}
      onChange={(next) => onChange(next === '' || next === undefined ? '' : String(next))}
      allowNegative={props.allowNegative ?? false}
      thousandSeparator={props.thousandSeparator ?? ','}
      placeholder={props.placeholder ?? 'Not recorded'}
      hideControls
    />
  );
}
