// Placeholder: the lead engineer replaces this with the demo seed.
export interface DemoLogin {
  email: string;
  password: string;
  role: "ADMIN" | "EDITOR" | "REVIEWER";
}

/** Loads the demo seed into an empty database; a no-op when any user exists. */
export async function seedDemoIfEmpty(databaseUrl: string): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  void databaseUrl;
  return { seeded: false, logins: [] };
}
