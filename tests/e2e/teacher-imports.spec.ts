import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

// Runs after the guest-only specs (file order): it creates a teacher account.
test("a teacher imports a current Anki package and sees what was read, changed and skipped; tags, explanations and images come along", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUp(page, { name: "Ida Importer", email: uniqueEmail("ida"), role: "teacher" });
  await page.goto("/banks");
  await page
    .getByLabel(/^Bank file/)
    .setInputFiles(path.resolve("tests/fixtures/interchange/anki-current-format.apkg"));
  await page.getByRole("button", { name: "Import" }).click();
  const report = page.getByRole("list", { name: "Import report" });
  await expect(report).toContainText("read as Anki package (.apkg), current format (collection.anki21b, zstd)");
  await expect(report).toContainText("Deck name in the file: Geography::Capitals");
  await expect(report).toContainText("Imported 5 questions");
  await expect(report).toContainText("Images imported: flag-of-japan.png");
  await expect(report).toContainText("Image script.svg left out: it is not a PNG, JPEG, GIF or WebP image in 1 note");
  await expect(report).toContainText("note 6: image occlusion note");

  await page.getByRole("link", { name: "Review them" }).click();
  await expect(page.getByRole("heading", { name: "Review questions" })).toBeVisible();
  const docId = page.url().match(/documents\/([^/]+)\/review/)![1]!;
  await page.getByLabel("Show").selectOption("published");
  const canberra = page.locator("li.question", { hasText: "is the capital of Australia" }).first();
  await expect(canberra.locator(".explanation")).toHaveText("Not Sydney, which is larger.");
  await expect(canberra.getByRole("list", { name: "Tags" })).toHaveText("geography");

  // Filter by tag.
  await page.getByLabel("Tag", { exact: true }).selectOption("flags");
  await expect(page.locator("li.question")).toHaveCount(1);
  const image = page.locator("li.question img.question-image");
  await expect(image).toHaveAttribute("alt", "flag-of-japan.png");
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(12);

  // Served as the sniffed image type, never anything a browser would run.
  const res = await page.request.get(`/api/media/${docId}/flag-of-japan.png`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-security-policy"]).toContain("sandbox");
  expect((await page.request.get(`/api/media/${docId}/script.svg`)).status()).toBe(404);
});
