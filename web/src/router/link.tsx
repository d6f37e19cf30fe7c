/**
 * Typed links styled by Mantine: `to` is one of the route tree's paths and `params` and
 * `search` are checked against it, so a renamed route or a missing id fails the typecheck.
 * They still open in a new tab on ctrl-click (they are real anchors with an href).
 * @example <Link to="/o/$org/customers/$id" params={{ org, id }}>{name}</Link>
 */
import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
  UnstyledButton,
  type UnstyledButtonProps,
} from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import { type AnchorHTMLAttributes, forwardRef } from "react";

type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "color" | "style">;

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorAttributes>(
  (props, ref) => <Anchor ref={ref} {...props} />,
);
const MantineButton = forwardRef<HTMLAnchorElement, ButtonProps & AnchorAttributes>(
  (props, ref) => <Button component="a" ref={ref} {...props} />,
);
const MantineUnstyled = forwardRef<HTMLAnchorElement, UnstyledButtonProps & AnchorAttributes>(
  (props, ref) => <UnstyledButton component="a" ref={ref} {...props} />,
);
const MantineNavLink = forwardRef<HTMLAnchorElement, NavLinkProps & AnchorAttributes>(
  // The router marks the active link with `data-status`; Mantine styles `active`.
  (props, ref) => <NavLink ref={ref} active={props["aria-current"] === "page"} {...props} />,
);

/** A text link. */
export const Link: LinkComponent<typeof MantineAnchor> = createLink(MantineAnchor);
/** A link that looks like a button (an action that opens a page). */
export const ButtonLink: LinkComponent<typeof MantineButton> = createLink(MantineButton);
/** A link around a card or a figure. */
export const CardLink: LinkComponent<typeof MantineUnstyled> = createLink(MantineUnstyled);
/** An entry of the app's navigation, highlighted on its pages. */
export const NavItemLink: LinkComponent<typeof MantineNavLink> = createLink(MantineNavLink);
