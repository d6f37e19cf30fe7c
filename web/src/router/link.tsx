/** An anchor that navigates without reloading (and still opens in a new tab on ctrl-click). */
import { Anchor, type AnchorProps } from "@mantine/core";
import type { MouseEvent, ReactNode } from "react";
import { navigate } from "./router.ts";

export interface LinkProps extends AnchorProps {
  to: string;
  children: ReactNode;
  "aria-current"?: "page" | undefined;
}

export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export function Link({ to, children, ...rest }: LinkProps) {
  return (
    <Anchor
      href={to}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </Anchor>
  );
}
