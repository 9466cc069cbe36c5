import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

test("sign-up explains bad input, and a duplicate email", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@school.org.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  const email = uniqueEmail("dup");
  await signUp(page, { name: "First", email, role: "learner" });
  await page.context().clearCookies();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("another long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.").first()).toBeVisible();
});

test("a guest's progress follows them into a new account; sign out, wrong password, sign in, change password", async ({
  page,
}) => {
  // Study one card as a guest.
  await page.goto("/decks/all/study");
  const card = page.locator(".study-card");
  await expect(card).toHaveAttribute("data-phase", "question");
  const type = await card.getAttribute("data-question-type");
  if (type === "flashcard") {
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
  } else if (type === "multiple_choice") await page.keyboard.press("1");
  else if (type === "true_false") await page.keyboard.press("t");
  else {
    await page.keyboard.type("guess");
    await page.keyboard.press("Enter");
  }
  await expect(page.getByText("All answers saved")).toBeVisible();
  const stats = async () => ((await (await page.request.get("/api/me/stats")).json()) as { reviews: number }).reviews;
  expect(await stats()).toBe(1);

  const email = uniqueEmail("guest");
  await signUp(page, { name: "Gus", email, role: "learner" });
  expect(await stats()).toBe(1);

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  expect(await stats()).toBe(0);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password entirely");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#main").getByRole("alert")).toHaveText("That email and password don't match.");

  await page.getByLabel("Password").fill("a long classroom password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  expect(await stats()).toBe(1);

  await page.goto("/account");
  await page.getByLabel("Current password").fill("a long classroom password");
  await page.getByLabel("New password").fill("an even longer classroom password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#main").getByRole("status")).toContainText("Password changed");
});

test("a forged session cookie is treated as signed out", async ({ page, context }) => {
  await context.addCookies([
    { name: "quarry.session_token", value: "forged.token-value", domain: "localhost", path: "/" },
    { name: "quarry_guest", value: "x".repeat(43), domain: "localhost", path: "/" },
  ]);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  expect(((await (await page.request.get("/api/me/stats")).json()) as { reviews: number }).reviews).toBe(0);
});
