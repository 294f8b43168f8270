"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="w-full rounded bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700"
    >
      {label}
    </button>
  );
}
