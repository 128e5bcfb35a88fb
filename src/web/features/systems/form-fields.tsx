import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/** A labelled select with its error beside it (Designsystemet's Select has no label of its own). */
export function ChoiceField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  description?: ReactNode;
  empty?: string;
}) {
  return (
    <Field>
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.description ? <Field.Description>{props.description}</Field.Description> : null}
      <Select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={props.error ? true : undefined}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
      {props.error ? <ValidationMessage>{props.error}</ValidationMessage> : null}
    </Field>
  );
}
