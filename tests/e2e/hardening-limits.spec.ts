import { expect, test, type Browser, type Page } from "@playwright/test";
import { postChunked, peakRssMb, rssMb, startOwnServer, startProxy, type OwnServer } from "./own-server";
import { uniqueEmail } from "./helpers";

/**
 * Per-address limits, sign-in throttles and body limits against a real
 * production server of its own: it trusts one proxy (127.0.0.2) only, and has
 * a small live-join burst, so exhausting limits here never slows other specs.
 */
let server: OwnServer;
const PASSWORD = "a long classroom password";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer("limits", { QUARRY_TRUST_PROXY: "127.0.0.2", QUARRY_LIVE_IP_LIMIT: "10" });
});
test.afterAll(async () => server?.stop());

const rotating = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}, 10.0.${Math.floor(Math.random() * 250)}.7`;

async function newPageAt(browser: Browser, baseURL: string): Promise<Page> {
  return (await browser.newContext({ baseURL })).newPage();
}

/** Every request from this page carries a fresh X-Forwarded-For, as a spraying client would send. */
async function rotateForwardedFor(page: Page) {
  await page.route("**/*", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": rotating() } }),
  );
}

async function signUpAt(page: Page, email: string, role: "teacher" | "learner") {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Owner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel(role === "teacher" ? "Teacher" : "Learner").check();
  await page.getByRole("button", { name: "Create account" }).click();
  // Password hashing is slow on purpose; on a busy two-core machine it takes seconds.
  await expect(page).not.toHaveURL(/sign-up/, { timeout: 30_000 });
}

/** Submits the sign-in form (opening it first unless already there) and returns what came of it. */
async function trySignIn(page: Page, email: string, password: string): Promise<string> {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  // Wait for the server action's answer itself: the message may read the same as the last one.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST", { timeout: 60_000 }),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  const error = page.getByText(/don't match|Too many attempts/).first();
  const signedIn = () => !new URL(page.url()).pathname.startsWith("/sign-in");
  await expect.poll(async () => signedIn() || (await error.isVisible()), { timeout: 30_000 }).toBe(true);
  return signedIn() ? "signed in" : ((await error.textContent()) ?? "");
}

test("a rotating X-Forwarded-For lifts no per-address limit: live joins, game creation, class codes", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Live joins: a burst of 10 per address on this server.
  const joins: number[] = [];
  for (let i = 0; i < 15; i++) {
    const res = await fetch(`${server.url}/api/live/join`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": rotating() },
      body: JSON.stringify({ code: "123456", nickname: `p${i}` }),
    });
    joins.push(res.status);
  }
  expect(joins.slice(0, 10)).not.toContain(429);
  expect(joins.slice(10)).toEqual([429, 429, 429, 429, 429]);

  // Game creation: 20 per address.
  const creates: number[] = [];
  for (let i = 0; i < 22; i++) {
    const res = await fetch(`${server.url}/api/live`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": rotating() },
      body: JSON.stringify({
        deckId: "sample",
        questionCount: 1,
        secondsPerQuestion: 20,
        shuffle: false,
        allowLateJoin: true,
      }),
    });
    creates.push(res.status);
  }
  expect(creates.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);

  // Class join codes: 10 wrong guesses per address, then waits.
  const page = await newPageAt(browser, server.url);
  await rotateForwardedFor(page);
  let throttledAt = 0;
  for (let i = 1; i <= 16 && !throttledAt; i++) {
    await page.goto("/join-class");
    await page.getByLabel("Class code").fill(`ZZZZ${String(i).padStart(2, "2")}`);
    // A guest joining a class gives the name their teacher will see.
    await page.getByLabel("Your name").fill("Guesser");
    await page.getByRole("button", { name: "Join class" }).click();
    const result = page.getByText(/No class has that code|Too many attempts/).first();
    await expect(result).toBeVisible();
    if (/Too many/.test((await result.textContent()) ?? "")) throttledAt = i;
  }
  // Ten wrong codes are free; then waits of 2 s, 4 s, 8 s… catch up with a page that needs a second per guess.
  expect(throttledAt).toBeGreaterThanOrEqual(12);
  expect(throttledAt).toBeLessThanOrEqual(15);
});

test("the owner signs in on their address while an attacker on another is throttled", async ({ browser }) => {
  test.setTimeout(300_000);
  const email = uniqueEmail("owner");
  const setup = await newPageAt(browser, server.url);
  await signUpAt(setup, email, "learner");
  await setup.context().close();

  // The attacker, spraying X-Forwarded-For values straight at the server: all count as one address.
  const attacker = await newPageAt(browser, server.url);
  await rotateForwardedFor(attacker);
  // Five wrong passwords are free, then waits of 1 s, 2 s, 4 s, 8 s… The attacker waits each out and
  // tries again, until a wait is long enough (8 s or more) that even the right password is refused.
  let wrong = 0;
  let waitS = 0;
  for (let i = 0; i < 14 && waitS < 8; i++) {
    const outcome = await trySignIn(attacker, email, `wrong password ${i}`);
    if (/don't match/.test(outcome)) wrong++;
    const m = /Try again in (\d+) second/.exec(outcome);
    waitS = m ? Number(m[1]) : /minutes/.test(outcome) ? 60 : 0;
    if (waitS > 0 && waitS < 8) await attacker.waitForTimeout(waitS * 1000);
  }
  expect(wrong).toBeGreaterThanOrEqual(6);
  expect(waitS).toBeGreaterThanOrEqual(8);
  expect(await trySignIn(attacker, email, PASSWORD)).toMatch(/Too many attempts/);

  // The owner, behind the school's proxy (trusted), from another address: not locked out.
  const proxy = await startProxy(server, "127.0.0.2", "203.0.113.5");
  try {
    const owner = await newPageAt(browser, proxy.url);
    expect(await trySignIn(owner, email, PASSWORD)).toBe("signed in");
    // Successful sign-ins use nothing up: six in a row all succeed.
    for (let i = 0; i < 6; i++) {
      await owner.context().clearCookies();
      expect(await trySignIn(owner, email, PASSWORD)).toBe("signed in");
    }
  } finally {
    await proxy.close();
  }
});

test("a 250 MB chunked body gets 413 with the server's memory bounded", async ({ browser }) => {
  test.setTimeout(180_000);
  const before = rssMb(server.pid);
  const join = await postChunked(`${server.url}/api/live/join`, 250 * 1024 * 1024, {
    "content-type": "application/json",
  });
  expect(join.status).toBe(413);
  const afterJoin = rssMb(server.pid);
  console.log(
    `chunked 250 MB to /api/live/join: ${join.status} after ${Math.round(join.sentBytes / 1024 / 1024)} MB sent, ` +
      `${join.ms} ms; server RSS ${before} → ${afterJoin} MB (peak ${peakRssMb(server.pid)} MB)`,
  );
  expect(afterJoin - before).toBeLessThan(100);

  // A 120 MB chunked bank import (limit 20 MB), as a signed-in teacher.
  const page = await newPageAt(browser, server.url);
  await signUpAt(page, uniqueEmail("importer"), "teacher");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const bank = await postChunked(`${server.url}/api/banks/import`, 120 * 1024 * 1024, {
    "content-type": "multipart/form-data; boundary=x",
    cookie,
  });
  expect(bank.status).toBe(413);
  const afterBank = rssMb(server.pid);
  console.log(`chunked 120 MB bank import: ${bank.status} in ${bank.ms} ms; server RSS ${afterJoin} → ${afterBank} MB`);
  expect(afterBank - before).toBeLessThan(150);
});
