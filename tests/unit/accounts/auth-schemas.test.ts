import { describe, expect, it } from "vitest";
import { fieldErrors, joinCodeSchema, signInSchema, signUpSchema } from "@/lib/api/auth";

function errorsOf(input: unknown) {
  const r = signUpSchema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
}

describe("sign-up input", () => {
  const good = { name: "Ada", email: "Ada@School.org ", password: "correct horse battery", role: "teacher" };

  it("accepts good input and normalises the email", () => {
    const r = signUpSchema.parse(good);
    expect(r.email).toBe("ada@school.org");
  });

  it("explains an invalid email", () => {
    expect(errorsOf({ ...good, email: "ada-at-school" }).email).toBe(
      "Enter a valid email address, like name@school.org.",
    );
  });

  it("explains a short password", () => {
    expect(errorsOf({ ...good, password: "short" }).password).toBe("Use at least 10 characters for your password.");
  });

  it("requires a name and a role", () => {
    const e = errorsOf({ ...good, name: "  ", role: "admin" });
    expect(e.name).toBe("Enter your name.");
    expect(e.role).toBe("Choose whether you teach or learn.");
  });

  it("refuses absurdly long input", () => {
    expect(errorsOf({ ...good, password: "x".repeat(129) }).password).toMatch(/at most 128/);
    expect(errorsOf({ ...good, email: `${"a".repeat(250)}@b.org` }).email).toMatch(/too long/);
  });
});

describe("sign-in and join-code input", () => {
  it("needs an email and a password", () => {
    const r = signInSchema.safeParse({ email: "", password: "" });
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(fieldErrors(r.error)).sort()).toEqual(["email", "password"]);
  });

  it("normalises a typed class code and rejects junk", () => {
    expect(joinCodeSchema.parse({ code: " k7p2qx " }).code).toBe("K7P2QX");
    expect(joinCodeSchema.safeParse({ code: "<script>" }).success).toBe(false);
  });
});
