/**
 * better-auth's documented hooks that tell Comptoir a password changed: `onPasswordReset`
 * (the reset link) and the account update of `/change-password`. Comptoir then revokes the
 * user's API tokens, so a token does not outlive the password it was made under.
 */

interface ChangedAccount {
  userId?: unknown;
  password?: unknown;
}

export function passwordChangeHooks(onChange?: (userId: string) => Promise<void>) {
  return {
    onPasswordReset: async ({ user }: { user: { id: string } }) => {
      await onChange?.(user.id);
    },
    databaseHooks: {
      account: {
        update: {
          // A reset updates many rows at once and gets a count here: onPasswordReset covers it.
          after: async (account: ChangedAccount | number | null) => {
            if (account === null || typeof account !== "object") return;
            if (typeof account.userId === "string" && account.password) {
              await onChange?.(account.userId);
            }
          },
        },
      },
    },
  };
}
