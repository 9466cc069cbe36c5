import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { answerCards, newPage, signUp, uniqueEmail } from "./helpers";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** Answers non-cloze cards correctly-or-not with the keyboard until a typed-answer card is on screen. */
async function untilCloze(page: Page): Promise<void> {
  const card = page.locator(".study-card");
  for (let n = 0; n < 40; n++) {
    await expect(card).toHaveAttribute("data-phase", "question");
    const type = await card.getAttribute("data-question-type");
    if (type === "cloze") return;
    if (type === "flashcard") {
      await page.keyboard.press("Space");
      await expect(card).toHaveAttribute("data-phase", "revealed");
      await page.keyboard.press("3");
      continue;
    }
    await page.keyboard.press(type === "multiple_choice" ? "1" : "t");
    await expect(card).toHaveAttribute("data-phase", "answered");
    await page.keyboard.press("Enter");
  }
  throw new Error("No typed-answer card in the first 40");
}

test("a wrong typed answer is overridden with R and the card is scheduled as a pass", async ({ page }) => {
  await page.goto("/decks/all/study");
  await untilCloze(page);
  await page.keyboard.type("not the answer at all");
  await page.keyboard.press("Enter");
  const card = page.locator(".study-card");
  await expect(card).toHaveAttribute("data-phase", "answered");
  await expect(page.getByText(/^Not quite\. The answer is: /)).toBeVisible();
  await expect(page.getByText("Rated Again")).toBeVisible();

  const overridden = page.waitForResponse(
    (res) => res.url().endsWith("/api/reviews") && res.request().postDataJSON()?.override === true,
  );
  await page.keyboard.press("r");
  const reply = (await (await overridden).json()) as { status: string; rating: string; correct: boolean };
  expect(reply).toMatchObject({ status: "stored", rating: "good", correct: true });
  await expect(page.getByText(/^You marked this right\. Expected answer: /)).toBeVisible();
  await expect(page.getByText(/^Rated Good · /)).toBeVisible();
  await expect(page.getByRole("button", { name: /I was right/ })).toHaveCount(0);
  await expect(page.getByText("All answers saved")).toBeVisible();
});

test("settings are changed and the next session follows them; /settings passes axe", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Study settings" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const workload = page.getByTestId("workload");
  const before = await workload.textContent();
  await page.getByLabel(/^Desired retention/).fill("0.95");
  await expect(page.getByLabel(/^Desired retention/)).toHaveValue("0.95");
  await expect(workload).not.toHaveText(before!);

  // Bad input is refused with a message and nothing is saved.
  await page.getByLabel("New cards per day").fill("2.5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter a whole number from 0 to 500.")).toBeVisible();

  await page.getByLabel("New cards per day").fill("3");
  await page.getByLabel("New cards first, then reviews").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. Your next card follows these settings.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("New cards per day")).toHaveValue("3");
  await expect(page.getByLabel("New cards first, then reviews")).toBeChecked();
  await expect(page.getByLabel(/^Desired retention/)).toHaveValue("0.95");

  // The deck page and the session agree: three new cards.
  await page.goto("/decks/all");
  await expect(page.getByTestId("count-new")).toHaveText("3");
  await page.getByRole("link", { name: "Study" }).last().click();
  await expect(page.locator(".session-progress")).toContainText("0 / 3");
});

test("a reload mid-session resumes the same session with the same progress", async ({ page }) => {
  await page.goto("/decks/all/study");
  await expect(page.locator(".session-progress")).toContainText("0 / 20");
  await answerCards(page, 2);
  const progress = await page.locator(".session-progress").textContent();
  await page.reload();
  await expect(page.locator(".study-card")).toBeVisible();
  await expect(page.locator(".session-progress")).toHaveText(progress!);
  await expect(page.locator(".session-progress")).toContainText("/ 20");
});

test("the signed-out home page explains Quarry and offers three actions and accounts; it passes axe", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Quarry" })).toBeVisible();
  await expect(page.getByText(/^Quarry turns your documents into questions/)).toBeVisible();
  const welcome = page.getByRole("region", { name: "Quarry" });
  for (const name of ["Study the sample deck", "Make a quiz from your document", "Join a class or game"]) {
    await expect(welcome.getByRole("link", { name })).toBeVisible();
  }
  await expect(welcome.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
  await expect(welcome.getByRole("link", { name: "create an account" })).toHaveAttribute("href", "/sign-up");
  expect(await seriousViolations(page)).toEqual([]);
  await welcome.getByRole("link", { name: "Study the sample deck" }).click();
  await expect(page.locator(".study-card")).toBeVisible();
});

test("a favicon and a web app manifest are served", async ({ page }) => {
  await page.goto("/sign-in");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await page.request.get(icon!)).ok()).toBe(true);
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await page.request.get(manifestHref!)).json()) as { name: string; icons: unknown[] };
  expect(manifest.name).toBe("Quarry");
  expect(manifest.icons.length).toBeGreaterThan(0);
});

test("a guest joins by link with a name, the teacher sees it, and the dashboard fits a 390 px phone", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, { name: "Mr Okafor", email: uniqueEmail("okafor"), role: "teacher" });
  await page.goto("/classes");
  await page.getByLabel("Class name").fill("Geography 9");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Manage Geography 9" })).toBeVisible();
  const classId = page.url().match(/classes\/([^/]+)\/manage/)![1]!;
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: "Sample deck" });
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned.")).toBeVisible();

  for (const name of ["Amaka Guest", "Bea Guest"]) {
    const guest = await newPage(browser);
    await guest.goto(`/join-class?code=${code}`);
    await expect(guest.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute(
      "href",
      /^\/sign-in\?next=/,
    );
    // No name, no joining.
    await guest.getByRole("button", { name: "Join class" }).click();
    await expect(guest.getByText("Give your name, so your teacher knows who you are.")).toBeVisible();
    await guest.getByLabel("Your name").fill(name);
    await guest.getByRole("button", { name: "Join class" }).click();
    await expect(guest.getByText("You joined Geography 9.")).toBeVisible();
    await guest.goto("/decks/all/study");
    await answerCards(guest, 1);
    await guest.context().close();
  }

  await page.goto(`/classes/${classId}`);
  const table = page.getByRole("table", { name: /Learners in this class/ });
  await expect(table.getByRole("rowheader", { name: "Amaka Guest" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Bea Guest" })).toBeVisible();
  await expect(page.getByText("All 2 learners in the class")).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(table.getByRole("rowheader", { name: "Amaka Guest" })).toBeVisible();
  // Nothing sticks out past the right edge (listing the culprits makes a failure readable).
  const overflowing = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("main *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
  });
  expect(overflowing).toEqual([]);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
});

test("pasted text uploads with no phantom error, and `e` puts the focus in the review editor", async ({ page }) => {
  await signUp(page, { name: "Ms Tanaka", email: uniqueEmail("tanaka"), role: "teacher" });
  await page.goto("/upload");
  await page.getByText("Or paste text").click();
  await page.getByLabel("Title").fill("Canal notes");
  await page
    .getByLabel("Text")
    .fill(
      "The Panama Canal opened in 1914 after ten years of work. John Frank Stevens was its chief engineer " +
        "from 1905 to 1907. The United States paid $40 million for the French company's assets in 1904.",
    );
  await page.getByRole("button", { name: "Upload and generate questions" }).click();
  // Generation takes a while on a busy machine.
  await expect(page.getByRole("status").filter({ hasText: /added/ })).toHaveText("1 added, 0 could not be used.", {
    timeout: 60_000,
  });
  await expect(page.getByText(/not supported/)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Progress" }).getByRole("listitem")).toHaveCount(1);

  await page.getByRole("link", { name: "Review them" }).click();
  await expect(page.getByRole("heading", { name: "Review questions" })).toBeVisible();
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("e");
  await expect(page.locator('.question-editor textarea[id^="edit-"][id$="-prompt"]')).toBeFocused();
});
