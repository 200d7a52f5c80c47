import { ActionForm, type TActionFormProps } from './action-form';
import { FormDrawer } from './form-drawer';

interface TDrawerFormProps extends Omit<TActionFormProps, 'onSubmit' | 'primary'> {
  /** The drawer's title, and the name of the button that opens it unless `openLabel` is given. */
  title: string;
  openLabel?: string;
  /** Runs the action; call `close` once it has succeeded. */
  onSubmit: (close: () => void) => void;
  /** Called when the drawer closes without the action having run (Esc, the close button). */
  onClose?: () => void;
}

/** One action's form in a drawer (see FormDrawer) with one clear submit; it closes when the action succeeds. */
export function DrawerForm({ title, openLabel, onSubmit, onClose, ...form }: TDrawerFormProps) {
  return (
    <FormDrawer title={title} openLabel={openLabel} onClose={onClose}>
      {(close) => <ActionForm {...form} primary onSubmit={() => onSubmit(close)} />}
    </FormDrawer>
  );
}
