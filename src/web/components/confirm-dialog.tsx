import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { useRef, type ReactNode } from 'react';
import { useT } from '../i18n';
import { FormErrors } from './form-errors';

export interface ConfirmDialogProps {
  /** Id of the dialog's heading (it names the dialog). */
  headingId: string;
  /** The button that opens the dialog. */
  trigger: { label: string; variant?: 'primary' | 'secondary' | 'tertiary'; danger?: boolean; small?: boolean };
  title: ReactNode;
  /** The confirming button; danger for what cannot be undone. */
  confirm: { label: string; danger?: boolean };
  pending: boolean;
  /** The last refusal from the server, shown in the dialog so the person sees why nothing happened. */
  error: unknown;
  /** Called on confirm; call `close` when the work is done. */
  onConfirm: (close: () => void) => void;
  children: ReactNode;
}

/** A button that asks before it acts: a modal dialog with the question, any refusal, confirm and cancel. */
export function ConfirmDialog({ headingId, trigger, title, confirm, pending, error, onConfirm, children }: ConfirmDialogProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  return (
    <>
      <Button type="button" variant={trigger.variant ?? 'secondary'} data-color={trigger.danger ? 'danger' : undefined} data-size={trigger.small ? 'sm' : undefined} onClick={() => dialog.current?.showModal()}>
        {trigger.label}
      </Button>
      <Dialog ref={dialog} closedby="any" aria-labelledby={headingId}>
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={headingId}>
            {title}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          {children}
          <FormErrors error={error} fieldIds={{}} />
          <div className="row">
            <Button type="button" data-color={confirm.danger ? 'danger' : undefined} disabled={pending} onClick={() => onConfirm(close)}>
              {confirm.label}
            </Button>
            <Button type="button" variant="tertiary" onClick={close}>
              {t('app.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
