import { Button, Drawer, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface TFormDrawerProps {
  /** The drawer's title, and the name of the button that opens it unless `openLabel` is given. */
  title: string;
  openLabel?: string;
  /** The form; `close` closes the drawer once its work is done. */
  children: (close: () => void) => ReactNode;
  /** Called when the drawer is closed without the work done (Esc, the close button). */
  onClose?: () => void;
  size?: 'md' | 'lg' | 'xl';
}

/**
 * Where the work is done: a button opens the form in a drawer on the right (titled, focus kept inside,
 * Esc closes). The form is mounted only while the drawer is open, so each opening starts afresh.
 */
export function FormDrawer({ title, openLabel, children, onClose, size = 'lg' }: TFormDrawerProps) {
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
        size={size}
        title={title}
        closeButtonProps={{ 'aria-label': t('confirm.close') }}
      >
        {children(close)}
      </Drawer>
    </>
  );
}
