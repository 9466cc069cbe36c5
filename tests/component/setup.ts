import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Each test renders into a fresh document body.
afterEach(cleanup);

// jsdom does no layout, so it has no scrolling; components may still ask for it.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
