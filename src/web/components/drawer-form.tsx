import { Button, Drawer, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ActionForm, type TActionFormProps } from './action-form';

interface TDrawerFormProps extends Omit<TActionFormProps, 'onSubmit' | 'primary'> {
  /** The drawer's title, and the name of the button that opens it unless `openLabel` is given. */
  title: string;
  openLabel?: string;
  /** Runs the action; call `close` once it has succeeded. */
  onSubmit: (close: () => void) => void;
  /** Called when the drawer closes without the action having run (Esc, the close button). */
  onClose?: () => void;
}

/**
 * A recording form where the work is done: a button opens it in a drawer on the right (titled, focus kept
 * inside, Esc closes) with one clear submit; the drawer closes when the action succeeds.
 */
export function DrawerForm({ title, openLabel, onSubmit, onClose, ...form }: TDrawerFormProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Group>
        <Button variant="light" onClick={open}>
          {openLabel ?? title}
        </Button>
      </Group>
      <Drawer
        opened={opened}
        onClose={() => {
          close();
          onClose?.();
        }}
        position="right"
        size="lg"
        title={title}
        closeButtonProps={{ 'aria-label': t('confirm.close') }}
      >
        <ActionForm {...form} primary onSubmit={() => onSubmit(close)} />
      </Drawer>
    </>
  );
}
