import { Button, Details } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormErrors } from '../../components/form-errors';
import type { MessageKey } from '../../i18n';

/**
 * Empty text becomes null, so a cleared field clears the value; required fields are sent as typed, so the
 * server's message ("Feltet må fylles ut.") lands on the field.
 */
export const clean = <T extends Record<string, string | boolean | string[]>>(form: T, required: (keyof T)[] = []) =>
  Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === 'string' && !required.includes(k) ? v.trim() || null : v])) as {
    [K in keyof T]: T[K] extends string ? string | null : T[K];
  };

export function useForm<T extends Record<string, string | boolean | string[]>>(initial: T) {
  const [form, setForm] = useState(initial);
  const set = <K extends keyof T>(key: K, value: T[K]) => setForm((f) => ({ ...f, [key]: value }));
  return { form, set, reset: () => setForm(initial) };
}

/** A form folded away until wanted (progressive depth), with its errors at the top. */
export function FoldedForm({ summary, error, ids, onSubmit, pending, submitLabel, done, children }: { summary: string; error: unknown; ids: Record<string, string>; onSubmit: () => void; pending: boolean; submitLabel: string; done?: ReactNode; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Details>
      <Details.Summary>{summary}</Details.Summary>
      <Details.Content>
        <form className="stack" onSubmit={submit} noValidate>
          <FormErrors error={error} fieldIds={ids} />
          {done}
          {children}
          <div>
            <Button type="submit" disabled={pending}>
              {submitLabel}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

export const opts = (t: (k: MessageKey) => string, values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));

