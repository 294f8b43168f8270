import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signInAs } from "./fixtures/auth";

const BASE_URL = process.env.E2E_BASE_URL ?? "http://localhost:3100";

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password|mot de passe/i).fill(password);
  await page.getByRole("button", { name: /sign in|se connecter/i }).click();
}

test.describe("accounts and roles", () => {
  for (const role of ["admin", "editor", "reviewer"] as const) {
    test(`the demo ${role} signs in with the form and sees their home`, async ({ page }) => {
      await signInWithForm(page, DEMO[role], DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/$/);
      const nav = page.getByRole("navigation", { name: /main|principal/i });
      await expect(nav).toBeVisible();
      await expect(nav.getByRole("link", { name: /users|utilisateurs/i })).toHaveCount(role === "admin" ? 1 : 0);
      await expect(nav.getByRole("link", { name: /^import/i })).toHaveCount(role === "reviewer" ? 0 : 1);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  }

  test("a wrong password is refused with one message that does not say which part was wrong", async ({ page }) => {
    await signInWithForm(page, DEMO.editor, "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText(/wrong email or password|e-mail ou mot de passe incorrect/i);
    await expect(page).toHaveURL(/\/signin/);
  });

  test("a reviewer gets 403 on the admin pages", async ({ page }) => {
    await signInAs(page, "reviewer");
    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(403);
    await expect(page.getByText("403")).toBeVisible();
    expect((await page.request.get("/api/v1/users")).status()).toBe(403);
  });

  test("an admin deactivates a user, who then cannot sign in", async ({ page, browser }) => {
    await signInAs(page, "admin");
    const email = `temp-${Date.now()}@factmark.local`;
    const created = await page.request.post("/api/v1/users", {
      data: { email, name: "Temporary Reviewer", role: "REVIEWER", password: "temporary-pass-1" },
      headers: { origin: BASE_URL },
    });
    expect(created.status()).toBe(201);
    await page.goto("/admin/users");
    const row = page.getByTestId(`user-${email}`);
    await row.getByRole("button", { name: /deactivate|désactiver/i }).click();
    await expect(row).toContainText(/deactivated|désactivé/i);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInWithForm(otherPage, email, "temporary-pass-1");
    await expect(otherPage.locator("form").getByRole("alert")).toBeVisible();
    await expect(otherPage).toHaveURL(/\/signin/);
    await other.close();
  });

  test("a token created in the settings works against the API, and not once revoked", async ({ page, playwright }) => {
    await signInAs(page, "reviewer");
    await page.goto("/settings");
    await page.getByLabel(/^name$|^nom$/i).fill(`CMS ${Date.now()}`);
    await page.getByRole("button", { name: /create token|créer un jeton/i }).click();
    const secret = (await page.getByTestId("token-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^fm_/);

    const api = await playwright.request.newContext({ baseURL: BASE_URL });
    const ok = await api.get("/api/v1/articles", { headers: { authorization: `Bearer ${secret}` } });
    expect(ok.status()).toBe(200);
    expect(((await ok.json()) as { total: number }).total).toBeGreaterThan(0);

    await page.getByRole("button", { name: /revoke|révoquer/i }).first().click();
    await expect(page.getByText(/revoked|révoqué/i).first()).toBeVisible();
    const refused = await api.get("/api/v1/articles", { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);
    await api.dispose();
  });

  test("the main pages have no serious accessibility violations", async ({ page }) => {
    await page.goto("/signin");
    const signIn = await new AxeBuilder({ page }).analyze();
    expect(signIn.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await signInAs(page, "admin");
    for (const path of ["/settings", "/admin/users", "/articles/new"]) {
      await page.goto(path);
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical"), path).toEqual([]);
    }
  });

  test("security headers are set and cross-site writes are refused", async ({ page }) => {
    const res = await page.goto("/signin");
    const headers = res?.headers() ?? {};
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("'unsafe-inline' 'self' 'nonce");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const api = (await page.request.get("/api/health")).headers();
    expect(api["x-content-type-options"]).toBe("nosniff");
    expect(api["x-frame-options"]).toBe("DENY");
    await signInAs(page, "editor");
    const cross = await page.request.post("/api/v1/articles", {
      data: { title: "x", format: "text", body: "y" },
      headers: { origin: "https://evil.example" },
    });
    expect(cross.status()).toBe(403);
    expect(((await cross.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
  });
});
