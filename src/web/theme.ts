import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Mantine's defaults put blue-6 (3.6:1 on white), red-6 and gray-6 (dimmed, 3.3:1) under the
 * WCAG AA 4.5:1 text contrast; darker shades keep every text colour at 4.5:1 or better.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  focusRing: 'auto',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
  },
  dark: {},
});
