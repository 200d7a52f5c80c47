import { type CSSVariablesResolver, createTheme, darken } from '@mantine/core';

/**
 * Mantine's defaults put blue-6 (3.6:1 on white), red-6 and gray-6 (dimmed, 3.3:1) under the
 * WCAG AA 4.5:1 text contrast; darker shades keep every text colour at 4.5:1 or better.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  focusRing: 'auto',
});

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    ...lightVariantText(resolved.colors),
  },
  dark: {},
});

/**
 * The "light" variant (the active main-menu item, light buttons) writes shade 9 on shade 1, and on shade 2
 * while hovered: blue-9 on blue-2 is 4.0:1. Text 30 % darker than shade 9 keeps both states above 4.5:1
 * (blue: 6.4:1 hovered, 7.8:1 resting).
 */
function lightVariantText(colors: Record<string, readonly string[]>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    const darkest = shades[9];
    if (darkest) variables[`--mantine-color-${name}-light-color`] = darken(darkest, 0.3);
  }
  return variables;
}
