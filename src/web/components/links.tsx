import { Anchor, type AnchorProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { forwardRef } from 'react';

// Mantine's polymorphic `component={Link}` loses the router's route typing; createLink keeps it.

type TAnchorProps = Omit<AnchorProps, 'href'> & { children?: React.ReactNode };
const AnchorBase = forwardRef<HTMLAnchorElement, TAnchorProps>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
AnchorBase.displayName = 'AnchorBase';
const CreatedAnchorLink = createLink(AnchorBase);

export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

type TNavProps = Omit<NavLinkProps, 'href'>;
const NavBase = forwardRef<HTMLAnchorElement, TNavProps>((props, ref) => <NavLink ref={ref} {...props} />);
NavBase.displayName = 'NavBase';
const CreatedNavLink = createLink(NavBase);

export const NavItemLink: LinkComponent<typeof NavBase> = (props) => (
  <CreatedNavLink preload="intent" {...props} />
);
