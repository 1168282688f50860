import { expect, type Page } from "@playwright/test";
import type { TestUser } from "./db";

/** The header's account navigation (user name, role areas, "Keluar" or "Masuk"/"Daftar"). */
export function accountNav(page: Page, label = "Akun saya") {
  return page.getByRole("navigation", { name: label });
}

/** Fills and submits the login form; `from` may carry a ?redirectTo=. */
export async function submitLogin(page: Page, user: Pick<TestUser, "email" | "password">, from = "/masuk") {
  await page.goto(from);
  await page.getByLabel("Alamat email", { exact: true }).fill(user.email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

/** Logs in through the form and waits until the header shows the account. */
export async function logIn(page: Page, user: TestUser, from = "/masuk") {
  await submitLogin(page, user, from);
  await expect(accountNav(page).getByText(user.name, { exact: true })).toBeVisible();
}

/** Parses an HTML page's text for a message shown in an alert (form or field error). */
export function alertMessagePattern(message: string): RegExp {
  const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`role="alert"[^>]*>(?:<p>)?${escaped}`);
}
