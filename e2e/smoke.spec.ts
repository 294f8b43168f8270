import { expect, test } from "@playwright/test";

test("the app answers its health check", async ({ page }) => {
  const response = await page.goto("/api/health");
  expect(response?.status()).toBe(200);
});
