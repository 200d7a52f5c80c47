import { Button, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { forwardRef } from 'react';

// A link that looks like a button, keeping the router's route typing (as components/links.tsx does).
type TButtonAnchorProps = Omit<ButtonProps, 'href'> & { children?: React.ReactNode };
const ButtonAnchor = forwardRef<HTMLAnchorElement, TButtonAnchorProps>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
ButtonAnchor.displayName = 'ButtonAnchor';
const CreatedButtonLink = createLink(ButtonAnchor);

export const ButtonLink: LinkComponent<typeof ButtonAnchor> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);
